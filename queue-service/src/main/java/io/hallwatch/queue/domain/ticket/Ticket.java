package io.hallwatch.queue.domain.ticket;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ParkPosition;
import io.hallwatch.events.TicketOrigin;
import io.hallwatch.queue.domain.queue.WaitingTicket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer's place in a branch's queue (号票). Status changes go through {@link TicketLifecycle};
 * {@code store.ticket.TicketStore} reads and writes the row, {@code version} guarding against a lost update.
 */
public class Ticket {
    public UUID id;
    public String branchId;
    public String businessType;
    public CustomerTier tier;
    public String number;
    public LocalDate serviceDay;
    public TicketStatus status;
    public Instant issuedAt;
    public Instant calledAt;
    public String counterId;
    public String clerkId;
    public int recallCount;
    public Instant startedAt;
    public Instant finishedAt;
    public Instant endedAt;
    public String previousBusinessType;
    public String customerRef;
    public int estimatedWaitMinutes;
    /** The wait foretold at issue in seconds (null on tickets issued before it was kept). */
    public Integer estimatedWaitSeconds;
    /** What the earlier formula would have foretold, for the accuracy report; null where it could not say. */
    public Integer basicWaitSeconds;
    public Integer peopleAheadAtIssue;
    /** The estimate at issue already exceeded the wait limit: the customer was told and offered {@code advised}. */
    public boolean breachPredicted;
    /** What was offered at issue (codes of channels, BRANCH:id of branches); null where nothing was. */
    public java.util.List<String> advised;
    public String idempotencyKey;
    public int version;
    /** A walk-in: created CALLED at the counter that serves it, without a ticket from the kiosk; never judged for its wait. */
    public boolean walkIn;
    /** Where the wait clock starts: null = {@link #issuedAt}; after a park, the return minus the wait kept. */
    public Instant waitClockFrom;
    /** The ticket's place in first-come-first-served order: null = {@link #issuedAt}; a park sets it. */
    public Instant queuedAt;
    /** A park put it at the front of its queue: called before every other ticket of its type. */
    public boolean queueFront;
    /** How often the visit was parked and returned to the queue. */
    public int parkCount;
    /** The reason of the last call when a clerk chose the ticket (a {@code CallReason} name); null for call-next. */
    public String callReason;
    /** The last call was a chosen one ahead of a ticket the call order would have called first. */
    public boolean outOfOrder;
    /** How it came into the queue other than at the kiosk (remote ticket, appointment); null for a kiosk ticket or walk-in. */
    public TicketOrigin origin;
    /** A remote ticket: when it was taken ({@link #issuedAt} is that until the check-in, then the check-in). */
    public Instant takenAt;
    /** When the customer checked in (remote ticket, appointment): the ticket joined the queue then. */
    public Instant checkedInAt;
    /** A remote ticket: the end of its check-in window. */
    public Instant checkInBy;
    /** What the customer types at the kiosk to check in (remote ticket or appointment); kept, so a retried check-in finds it. */
    public String checkInCode;
    /** The appointment this ticket was checked in for. */
    public UUID appointmentId;
    /** An appointment checked in within its window: from this instant (its slot's start) called ahead of walk-up tickets. */
    public Instant priorityFrom;

    /** Applies {@code action}, or throws {@link IllegalTransitionException} and changes nothing. */
    public void apply(TicketAction action) {
        status = TicketLifecycle.next(status, action);
    }

    /** What the call policy knows of this ticket. */
    public WaitingTicket asWaiting() {
        return new WaitingTicket(id, businessType, tier, waitClockStart(), number, queuedAt != null ? queuedAt : issuedAt,
                queueFront, priorityFrom);
    }

    /** Where the wait clock starts: the original issue, or, after a park, the return minus the wait kept. */
    public Instant waitClockStart() {
        return waitClockFrom != null ? waitClockFrom : issuedAt;
    }

    /** The wait so far at {@code at}: from the original issue, less the time spent called or at a counter before a park. */
    public Duration waitedUntil(Instant at) {
        Duration waited = Duration.between(waitClockStart(), at);
        return waited.isNegative() ? Duration.ZERO : waited;
    }

    /**
     * Called to {@code counter} by {@code clerk} at {@code at}: by the call order ({@code reason} null) or chosen by the
     * clerk for {@code reason}, {@code outOfOrder} where the call order would have called another ticket first.
     */
    public void call(String counter, String clerk, Instant at, String reason, boolean outOfOrder) {
        apply(reason == null ? TicketAction.CALL : TicketAction.CALL_CHOSEN);
        calledAt = at;
        counterId = counter;
        clerkId = clerk;
        recallCount = 0;
        callReason = reason;
        this.outOfOrder = reason != null && outOfOrder;
        queueFront = false;
    }

    /**
     * The customer of this remote ticket checked in at {@code at}: it joins the queue now, so its place and its wait
     * clock start here ({@link #issuedAt} becomes the check-in, {@link #takenAt} keeps when it was taken). Past its
     * window it is {@link RemoteTicketExpiredException}; any other status than REMOTE is an illegal transition.
     */
    public void checkIn(Instant at) {
        if (status == TicketStatus.REMOTE && checkInBy != null && !at.isBefore(checkInBy)) {
            throw new RemoteTicketExpiredException(number, checkInBy);
        }
        apply(TicketAction.CHECK_IN);
        issuedAt = at;
        checkedInAt = at;
    }

    /**
     * A walk-in served at {@code counter} from {@code at}: created called, its wait zero, so a wait clock never runs.
     */
    public void walkInAt(String counter, String clerk, Instant at) {
        status = TicketLifecycle.walkIn();
        walkIn = true;
        issuedAt = at;
        calledAt = at;
        counterId = counter;
        clerkId = clerk;
    }

    /**
     * The called or serving visit goes back to the queue at {@code at}, placed by {@code position}; answers the wait
     * kept from before (from the wait clock's start to the call). The wait clock resumes at {@code at} with it, so the
     * time spent called or at the counter never counts as waiting, and a second park keeps the wait of both stretches.
     */
    public Duration park(ParkPosition position, Instant at) {
        apply(TicketAction.PARK);
        Duration kept = calledAt == null ? Duration.ZERO : waitedUntil(calledAt);
        waitClockFrom = at.minus(kept);
        queuedAt = switch (position) {
            case FRONT, BACK -> at;
            case ORIGINAL -> issuedAt;
        };
        queueFront = position == ParkPosition.FRONT;
        parkCount++;
        calledAt = null;
        counterId = null;
        clerkId = null;
        recallCount = 0;
        startedAt = null;
        callReason = null;
        outOfOrder = false;
        return kept;
    }
}
