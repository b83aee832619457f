package io.hallwatch.marketing.api.followup;

import io.hallwatch.marketing.domain.followup.FollowUpResult;
import io.hallwatch.marketing.domain.followup.FollowUpSource;

import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up as the branch's list shows it. {@code customerRef} is the CRM reference the branch
 * calls the customer back through; the contact details themselves stay in the CRM.
 */
public record FollowUpView(UUID id, String branchId, String offerCode, String customerRef, FollowUpSource source,
                           UUID recommendationId, UUID campaignId, Instant createdAt, Instant dueAt, boolean overdue,
                           String status, FollowUpResult result, String note, Instant closedAt) {
}
