package io.hallwatch.queue.domain.ticket;

import io.hallwatch.events.CustomerTier;
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

    /** Applies {@code action}, or throws {@link IllegalTransitionException} and changes nothing. */
    public void apply(TicketAction action) {
        status = TicketLifecycle.next(status, action);
    }

    /** What the call policy knows of this ticket. */
    public WaitingTicket asWaiting() {
        return new WaitingTicket(id, businessType, tier, issuedAt, number);
    }

    /** The wait from the original issue to {@code at}. */
    public Duration waitedUntil(Instant at) {
        return Duration.between(issuedAt, at);
    }
}
