package io.hallwatch.marketing.hall;

import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketNoShow;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.TicketTransferred;
import io.hallwatch.marketing.config.BranchSettings;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.hall.domain.HallLoad;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * The live queue of every branch, derived from the ticket events marketing consumes (it asks no
 * other service): a ticket waits from its issue (or its transfer into another queue) until it is
 * called, cancelled or a no-show. Service events also end a wait, because the services topic may
 * run ahead of the tickets topic. A ticket left waiting longer than the stale limit (the hall
 * closed without events) is not counted.
 */
@ApplicationScoped
public class HallLedger {

    private final MarketingConfig config;
    private final BranchSettings branches;

    HallLedger(MarketingConfig config, BranchSettings branches) {
        this.config = config;
        this.branches = branches;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TicketEvent event) {
        if (event instanceof TicketIssued e) {
            HallTicketEntity t = ticket(e);
            t.customerRef = e.customerRef() != null ? e.customerRef() : t.customerRef;
            t.issuedAt = e.issuedAt();
            change(t, e.issuedAt(), e.issuedAt());
        } else if (event instanceof TicketCalled e) {
            HallTicketEntity t = ticket(e);
            t.issuedAt = t.issuedAt != null ? t.issuedAt : e.issuedAt();
            t.waitSeconds = t.waitSeconds != null ? t.waitSeconds : e.waitSeconds();
            change(t, e.calledAt(), null);
        } else if (event instanceof TicketRecalled e) {
            change(ticket(e), e.recalledAt(), null);
        } else if (event instanceof TicketNoShow e) {
            change(ticket(e), e.noShowAt(), null);
        } else if (event instanceof TicketCancelled e) {
            change(ticket(e), e.cancelledAt(), null);
        } else if (event instanceof TicketTransferred e) {
            HallTicketEntity t = ticket(e);
            if (!e.transferredAt().isBefore(t.updatedAt)) {
                // Out of its old queue, into the new one: at the branch it still (or again) waits.
                t.businessType = e.businessType();
                t.waitingSince = t.waitingSince != null ? t.waitingSince : e.transferredAt();
                t.updatedAt = e.transferredAt();
            }
        } else if (event instanceof ServiceStarted e) {
            endWaitBefore(e.ticketId(), e.startedAt());
        } else if (event instanceof ServiceFinished e) {
            endWaitBefore(e.ticketId(), e.startedAt());
        }
    }

    /** The customers waiting at {@code branchId} at {@code at}, against the branch's busy threshold. */
    public HallLoad load(String branchId, Instant at) {
        long waiting = HallTicketEntity.count(
                "branchId = ?1 and waitingSince is not null and waitingSince <= ?2 and waitingSince > ?3",
                branchId, at, at.minus(config.load().staleAfter()));
        return new HallLoad((int) Math.min(Integer.MAX_VALUE, waiting), branches.busyThreshold(branchId));
    }

    /**
     * How long the customer waited before service started at {@code startedAt}: the wait the first
     * call reported, or, where the call has not arrived yet, the time since the ticket's issue.
     */
    public Optional<Long> waitedSeconds(String ticketId, Instant startedAt) {
        HallTicketEntity t = HallTicketEntity.findById(ticketId);
        if (t == null) {
            return Optional.empty();
        }
        if (t.waitSeconds != null) {
            return Optional.of(t.waitSeconds);
        }
        return Optional.ofNullable(t.issuedAt).filter(i -> !i.isAfter(startedAt))
                .map(i -> java.time.Duration.between(i, startedAt).toSeconds());
    }

    public Optional<String> customerRef(String ticketId) {
        return HallTicketEntity.<HallTicketEntity>findByIdOptional(ticketId).map(t -> t.customerRef);
    }

    private static HallTicketEntity ticket(TicketEvent e) {
        HallTicketEntity t = HallTicketEntity.findById(e.ticketId());
        if (t == null) {
            t = new HallTicketEntity();
            t.ticketId = e.ticketId();
            t.branchId = e.branchId();
            t.ticketNumber = e.ticketNumber();
            t.businessType = e.businessType();
            t.updatedAt = Instant.EPOCH;
            t.persist();
        }
        return t;
    }

    private static void change(HallTicketEntity t, Instant at, Instant waitingSince) {
        if (!at.isBefore(t.updatedAt)) {
            t.waitingSince = waitingSince;
            t.updatedAt = at;
        }
    }

    private static void endWaitBefore(String ticketId, Instant startedAt) {
        HallTicketEntity t = HallTicketEntity.findById(ticketId);
        // A wait that began after this service started (a transfer back into a queue) is not ended by it.
        if (t != null && t.waitingSince != null && !t.waitingSince.isAfter(startedAt)) {
            t.waitingSince = null;
            t.updatedAt = t.updatedAt.isAfter(startedAt) ? t.updatedAt : startedAt;
        }
    }
}
