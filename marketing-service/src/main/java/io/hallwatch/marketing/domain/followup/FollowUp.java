package io.hallwatch.marketing.domain.followup;

import io.hallwatch.events.TimeOrderedIds;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A second-round marketing task (二次营销) for a branch: call back a customer who showed interest in
 * {@code offerCode}, by {@code dueAt}. Open until the branch records how it ended.
 */
public record FollowUp(UUID id, String branchId, String offerCode, String customerRef, Instant createdAt,
                       Instant dueAt, FollowUpResult result, String note, Instant closedAt) {

    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(branchId, "branchId");
        Objects.requireNonNull(offerCode, "offerCode");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (dueAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a follow-up cannot be due before it exists");
        }
        if ((result == null) != (closedAt == null)) {
            throw new IllegalArgumentException("a closed follow-up has a result and a time");
        }
    }

    /** A new follow-up, due {@code dueAfter} after the interest was shown. */
    public static FollowUp plan(String branchId, String offerCode, String customerRef, Instant at, Duration dueAfter) {
        // Time-ordered: the id names the follow-up's day partition (V6).
        return new FollowUp(TimeOrderedIds.next(), branchId, offerCode, customerRef, at, at.plus(dueAfter), null, null, null);
    }

    public boolean open() {
        return result == null;
    }

    public boolean overdue(Instant now) {
        return open() && now.isAfter(dueAt);
    }

    /** Closes it; closing a closed one with the same result changes nothing, with another is refused. */
    public FollowUp close(FollowUpResult how, String withNote, Instant at) {
        Objects.requireNonNull(how, "how");
        if (!open()) {
            if (result == how) {
                return this;
            }
            throw new AlreadyClosedException(this);
        }
        return new FollowUp(id, branchId, offerCode, customerRef, createdAt, dueAt, how, withNote, at);
    }

    public static class AlreadyClosedException extends RuntimeException {
        public AlreadyClosedException(FollowUp followUp) {
            super("Follow-up " + followUp.id() + " was closed as " + followUp.result());
        }
    }
}
