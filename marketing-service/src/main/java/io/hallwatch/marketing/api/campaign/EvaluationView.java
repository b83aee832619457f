package io.hallwatch.marketing.api.campaign;

import io.hallwatch.marketing.domain.campaign.Campaign;
import io.hallwatch.marketing.domain.campaign.CampaignEvaluation;
import io.hallwatch.marketing.domain.campaign.CampaignStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The campaign's evaluation (效果评估) as the API answers it. */
public record EvaluationView(UUID campaignId, String branchId, String groupRef, String groupName, String site,
                             LocalDate startsOn, LocalDate endsOn, CampaignStatus status, Instant evaluatedAt,
                             int staffCount, CampaignEvaluation.Totals totals,
                             List<CampaignEvaluation.ProductResult> products,
                             List<CampaignEvaluation.StaffResult> staff,
                             CampaignEvaluation.FollowUpSummary followUps) {
    public static EvaluationView of(Campaign c, CampaignEvaluation e, Instant at) {
        return new EvaluationView(c.id(), c.branchId(), c.groupRef(), c.groupName(), c.site(), c.startsOn(), c.endsOn(),
                e.status(), at, e.staffCount(), e.totals(), e.products(), e.staff(), e.followUps());
    }
}
