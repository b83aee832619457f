package io.hallwatch.queue.domain.queue;

import io.hallwatch.events.CustomerTier;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses which waiting ticket a counter calls next.
 * <p>
 * The counter only calls the business types it serves. Within those: at an ordinary counter the
 * tickets <em>at risk</em> — waiting longer than their wait limit (the service standard's, 15 minutes
 * unless it says otherwise for the branch, type or tier) minus a margin, about to breach it — come first, whatever their tier (VIP before normal among them); then VIP
 * tickets; then the rest. At a VIP counter VIP customers come first (at-risk ones before the
 * others), then at-risk ordinary tickets, then the rest. FIFO by original issue time within each
 * class. So the policy protects the service standard instead of ordering by tier alone.
 * <p>
 * A visit parked back to the FRONT of the queue comes before all of these (two such by the moment they were parked);
 * one parked to the BACK or by its ORIGINAL issue takes that place in first-come-first-served order
 * ({@link WaitingTicket#queuedAt()}), while the at-risk rule always sees its whole wait so far.
 * <p>
 * An appointment checked in within its window is called ahead of every walk-up ticket the counter serves once its
 * slot has started (after the visits parked to the front; two such by their slot, then their check-in): the hall
 * keeps the time it promised. Before its slot it waits in first-come-first-served order like anyone.
 */
public final class CallPolicy {

    /** The wait limit a ticket is judged by: the service standard's for its branch, business type and tier. */
    @FunctionalInterface
    public interface WaitLimits {
        Duration of(WaitingTicket ticket);
    }

    private final WaitLimits waitLimits;
    private final Duration atRiskMargin;

    /** One wait limit for every ticket. */
    public CallPolicy(Duration waitLimit, Duration atRiskMargin) {
        this(t -> waitLimit, atRiskMargin);
        if (waitLimit.isNegative() || waitLimit.isZero() || atRiskMargin.compareTo(waitLimit) > 0) {
            throw new IllegalArgumentException("Need 0 <= margin <= limit, limit > 0; got " + atRiskMargin + " / " + waitLimit);
        }
    }

    /**
     * Each ticket's own wait limit. Where a limit is shorter than the margin, its ticket is at risk
     * from the moment it is issued.
     */
    public CallPolicy(WaitLimits waitLimits, Duration atRiskMargin) {
        if (atRiskMargin.isNegative()) {
            throw new IllegalArgumentException("Need margin >= 0; got " + atRiskMargin);
        }
        this.waitLimits = waitLimits;
        this.atRiskMargin = atRiskMargin;
    }

    public Optional<WaitingTicket> next(Collection<WaitingTicket> waiting, Set<String> counterTypes, boolean vipCounter,
                                        Instant now) {
        return waiting.stream()
                .filter(t -> counterTypes.contains(t.businessType()))
                .min(order(vipCounter, now));
    }

    /** All waiting tickets the counter may serve, in the order it would call them. */
    public List<WaitingTicket> inCallOrder(Collection<WaitingTicket> waiting, Set<String> counterTypes,
                                           boolean vipCounter, Instant now) {
        return waiting.stream().filter(t -> counterTypes.contains(t.businessType()))
                .sorted(order(vipCounter, now)).toList();
    }

    public boolean isAtRisk(WaitingTicket ticket, Instant now) {
        Duration atRiskAfter = waitLimits.of(ticket).minus(atRiskMargin);
        return !Duration.between(ticket.issuedAt(), now).minus(atRiskAfter.isNegative() ? Duration.ZERO : atRiskAfter).isNegative();
    }

    private Comparator<WaitingTicket> order(boolean vipCounter, Instant now) {
        Comparator<WaitingTicket> byClass = Comparator.comparingInt(t -> rank(t, vipCounter, now));
        // Same place: the lower number of a prefix first (A999 before A1000), then by id.
        return byClass.thenComparing(t -> t.appointmentDue(now) ? t.priorityFrom() : Instant.MIN)
                .thenComparing(WaitingTicket::queuedAt)
                .thenComparingInt(t -> t.number().length()).thenComparing(WaitingTicket::number)
                .thenComparing(WaitingTicket::id);
    }

    private int rank(WaitingTicket t, boolean vipCounter, Instant now) {
        if (t.front()) {
            return -2;
        }
        if (t.appointmentDue(now)) {
            return -1;
        }
        boolean vip = t.tier() == CustomerTier.VIP;
        boolean atRisk = isAtRisk(t, now);
        if (vipCounter) {
            return vip ? (atRisk ? 0 : 1) : (atRisk ? 2 : 3);
        }
        return atRisk ? (vip ? 0 : 1) : (vip ? 2 : 3);
    }
}
