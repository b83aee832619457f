package io.hallwatch.queue.domain.queue;

import io.hallwatch.events.CustomerTier;

import java.time.Instant;
import java.util.UUID;

/**
 * What the call policy knows of a waiting ticket. {@code issuedAt} is when its wait clock started: the original
 * issue, kept over transfers; for a visit parked and returned to the queue, the return minus the wait kept from
 * before the park (so the wait so far is {@code now - issuedAt}, and the at-risk rule sees the whole wait).
 * {@code queuedAt} is its place in first-come-first-served order (the issue, or what the park chose: the original
 * issue, the moment of the return for the back of the queue), {@code front} that a park put it at the front, ahead
 * of every other ticket; {@code number} breaks ties between tickets queued in the same instant. {@code priorityFrom}:
 * an appointment checked in within its window, called ahead of the walk-up tickets from its slot's start (null: none).
 */
public record WaitingTicket(UUID id, String businessType, CustomerTier tier, Instant issuedAt, String number,
                            Instant queuedAt, boolean front, Instant priorityFrom) {

    /** A ticket without an appointment. */
    public WaitingTicket(UUID id, String businessType, CustomerTier tier, Instant issuedAt, String number, Instant queuedAt,
                         boolean front) {
        this(id, businessType, tier, issuedAt, number, queuedAt, front, null);
    }

    /** Whether its appointment's priority holds at {@code now}: its slot has started. */
    public boolean appointmentDue(Instant now) {
        return priorityFrom != null && !now.isBefore(priorityFrom);
    }

    /** A ticket never parked: queued by its issue. */
    public WaitingTicket(UUID id, String businessType, CustomerTier tier, Instant issuedAt, String number) {
        this(id, businessType, tier, issuedAt, number, issuedAt, false, null);
    }
}
