package io.hallwatch.marketing.followup;

import io.hallwatch.marketing.followup.domain.FollowUpResult;

import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up as the branch's list shows it. {@code customerRef} is the CRM reference the branch
 * calls the customer back through; the contact details themselves stay in the CRM.
 */
public record FollowUpView(UUID id, String branchId, String offerCode, String customerRef, FollowUpSource source,
                           UUID recommendationId, UUID campaignId, Instant createdAt, Instant dueAt, boolean overdue,
                           String status, FollowUpResult result, String note, Instant closedAt) {

    static FollowUpView of(FollowUpEntity e, Instant now) {
        return new FollowUpView(e.id, e.branchId, e.offerCode, e.customerRef, e.source, e.recommendationId,
                e.campaignId, e.createdAt, e.dueAt, e.toDomain().overdue(now), e.status, e.result, e.note, e.closedAt);
    }
}
