package io.hallwatch.marketing.store.hall;

import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketClosed;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketNoShow;
import io.hallwatch.events.TicketParked;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.TicketTransferred;
import io.hallwatch.marketing.config.BranchSettings;
import io.hallwatch.marketing.domain.hall.HallLoad;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hall tickets one poll of events touches, loaded together by {@link HallLedger#open} and then
 * changed in memory, event after event; the new ones are persisted after the last event
 * ({@link #persistCreated}), and Hibernate writes them all in JDBC batches when the poll's
 * transaction flushes. Each event sees the ones before it because they all read this object, not
 * the database. A ticket it did not load does not exist yet (its first event creates it), so a
 * ticket is never looked up twice.
 */
public final class LiveHall {

    private final Set<String> loadedIds;
    private final Map<String, HallTicketEntity> tickets = new HashMap<>();
    private final Map<String, List<HallTicketEntity>> byBranch = new HashMap<>();
    private final List<HallTicketEntity> created = new ArrayList<>();
    private final Set<String> countedBranches;
    private final Instant countedFrom;
    private final Duration staleAfter;
    private final BranchSettings branches;

    LiveHall(Collection<String> loadedIds, List<HallTicketEntity> loaded, Set<String> countedBranches, Instant countedFrom, Duration staleAfter,
             BranchSettings branches) {
        this.loadedIds = Set.copyOf(loadedIds);
        this.countedBranches = Set.copyOf(countedBranches);
        this.countedFrom = countedFrom;
        this.staleAfter = staleAfter;
        this.branches = branches;
        loaded.forEach(this::add);
    }

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
        } else if (event instanceof TicketClosed e) {
            // Closed unserved at the end of the branch's day: no longer in the hall.
            change(ticket(e), e.closedAt(), null);
        } else if (event instanceof TicketTransferred e) {
            HallTicketEntity t = ticket(e);
            if (!e.transferredAt().isBefore(t.updatedAt)) {
                // Out of its old queue, into the new one: at the branch it still (or again) waits.
                t.businessType = e.businessType();
                t.waitingSince = t.waitingSince != null ? t.waitingSince : e.transferredAt();
                t.updatedAt = e.transferredAt();
            }
        } else if (event instanceof TicketParked e) {
            // Parked back into the queue (a customer fetching a document): at the branch it waits again until called.
            change(ticket(e), e.parkedAt(), e.parkedAt());
        } else if (event instanceof ServiceStarted e) {
            endWaitBefore(e.ticketId(), e.startedAt());
        } else if (event instanceof ServiceFinished e) {
            endWaitBefore(e.ticketId(), e.startedAt());
        }
    }

    /**
     * {@link HallLedger#load} as the poll has it so far: the same count, over the branch's waiting
     * tickets, which {@link HallLedger#open} loaded for every branch the poll counts.
     */
    public HallLoad load(String branchId, Instant at) {
        if (!countedBranches.contains(branchId) || at.isBefore(countedFrom)) {
            throw new IllegalStateException("The hall of " + branchId + " at " + at + " was not loaded for this poll");
        }
        long waiting = byBranch.getOrDefault(branchId, List.of()).stream().filter(t -> t.waitingAt(at, staleAfter)).count();
        return new HallLoad((int) Math.min(Integer.MAX_VALUE, waiting), branches.busyThreshold(branchId));
    }

    /**
     * How long the customer waited before service started at {@code startedAt}: the wait the first
     * call reported, or, where the call has not arrived yet, the time since the ticket's issue.
     */
    public Optional<Long> waitedSeconds(String ticketId, Instant startedAt) {
        HallTicketEntity t = get(ticketId);
        if (t == null) {
            return Optional.empty();
        }
        if (t.waitSeconds != null) {
            return Optional.of(t.waitSeconds);
        }
        return Optional.ofNullable(t.issuedAt).filter(i -> !i.isAfter(startedAt))
                .map(i -> Duration.between(i, startedAt).toSeconds());
    }

    public Optional<String> customerRef(String ticketId) {
        return Optional.ofNullable(get(ticketId)).map(t -> t.customerRef);
    }

    /** The ticket, or null where it does not exist yet; only for the tickets the poll loaded. */
    private HallTicketEntity get(String ticketId) {
        if (!loadedIds.contains(ticketId) && !tickets.containsKey(ticketId)) {
            // Not loaded is not the same as not there: reading it as absent would lose its state.
            throw new IllegalStateException("Ticket " + ticketId + " was not loaded for this poll");
        }
        return tickets.get(ticketId);
    }

    private HallTicketEntity ticket(TicketEvent e) {
        HallTicketEntity t = get(e.ticketId());
        if (t == null) {
            t = new HallTicketEntity();
            t.ticketId = e.ticketId();
            t.branchId = e.branchId();
            t.ticketNumber = e.ticketNumber();
            t.businessType = e.businessType();
            t.updatedAt = Instant.EPOCH;
            add(t);
            created.add(t);
        }
        return t;
    }

    /**
     * Persists the tickets the poll's events created, as the poll left them. Called once, after
     * the last event: Hibernate inserts an entity with the state it had when persisted, so a
     * ticket persisted at its first event would cost an UPDATE besides its INSERT for every
     * change after it (nearly every issued ticket: its fields are set after it is created).
     */
    public void persistCreated() {
        HallTicketEntity.persist(created);
        created.clear();
    }

    private void add(HallTicketEntity t) {
        tickets.put(t.ticketId, t);
        byBranch.computeIfAbsent(t.branchId, b -> new ArrayList<>()).add(t);
    }

    private static void change(HallTicketEntity t, Instant at, Instant waitingSince) {
        if (!at.isBefore(t.updatedAt)) {
            t.waitingSince = waitingSince;
            t.updatedAt = at;
        }
    }

    private void endWaitBefore(String ticketId, Instant startedAt) {
        HallTicketEntity t = get(ticketId);
        // A wait that began after this service started (a transfer back into a queue) is not ended by it.
        if (t != null && t.waitingSince != null && !t.waitingSince.isAfter(startedAt)) {
            t.waitingSince = null;
            t.updatedAt = t.updatedAt.isAfter(startedAt) ? t.updatedAt : startedAt;
        }
    }
}
