package io.hallwatch.marketing.api.campaign;

import io.hallwatch.marketing.domain.campaign.CampaignRecord;

import java.time.Instant;
import java.util.UUID;

/** A lead or sale as recorded; {@code followUp} is the call-back a lead leaves the branch. */
public record CampaignRecordView(UUID id, UUID campaignId, CampaignRecord.Kind kind, String staffId, String offerCode,
                                 int quantity, UUID leadId, Instant recordedAt, FollowUpRef followUp) {
    public record FollowUpRef(UUID id, Instant dueAt) {
    }
}
