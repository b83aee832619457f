package io.hallwatch.marketing.api.campaign;

import io.hallwatch.marketing.domain.campaign.Campaign;
import io.hallwatch.marketing.domain.campaign.CampaignStatus;
import io.hallwatch.marketing.domain.campaign.ProductTarget;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record CampaignView(UUID id, String branchId, String groupRef, String groupName, String site,
                           LocalDate startsOn, LocalDate endsOn, CampaignStatus status, String leadStaffId,
                           List<String> staff, List<ProductTarget> targets, String surgePlan) {
    public static CampaignView of(Campaign c, LocalDate today) {
        return new CampaignView(c.id(), c.branchId(), c.groupRef(), c.groupName(), c.site(), c.startsOn(), c.endsOn(),
                c.status(today), c.leadStaffId(), c.staff(), c.targets(), c.surgePlan());
    }
}
