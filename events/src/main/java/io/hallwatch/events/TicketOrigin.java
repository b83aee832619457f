package io.hallwatch.events;

/**
 * How a ticket came into the queue other than at the kiosk: taken remotely before the customer came (mini-program,
 * online hall) or from an appointment, in both cases at the customer's check-in. Absent on a {@link TicketIssued}: a
 * kiosk ticket (or a walk-in, which says so itself).
 */
public enum TicketOrigin {
    /** Taken up to an hour ahead through an online channel; joined the queue when the customer checked in. */
    REMOTE,
    /** An appointment checked in within its window: served ahead of walk-up tickets of its type from the slot's start. */
    APPOINTMENT,
    /** An appointment checked in after its window: an ordinary ticket from the check-in on. */
    LATE_APPOINTMENT
}
