package io.hallwatch.sla.domain.detection;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketCancelled;
import io.hallwatch.events.TicketClosed;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.TicketNoShow;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.TicketTransferred;

import java.time.Instant;
import java.util.Comparator;

/**
 * What the monitor knows of one ticket, folded from its events in event time. The fold is
 * order-independent: each fact keeps the earliest (or, for the displayed number, the latest)
 * value with a deterministic tie-break, so events that arrive late, twice, or in another order
 * between the tickets and the services topics give the same facts.
 *
 * @param issuedBusinessType the type the ticket was issued for, from the issue event only
 * @param typeHint           the type from the earliest other event, used until the issue event is seen
 * @param ticketNumber       the number as last shown to the customer (a transfer renumbers)
 * @param closedAt           when the branch's service day ended with the ticket still waiting or called
 *                           ({@code hallwatch.ticket.closed.v1}, BRANCH_CLOSED): the ticket is over, a customer not served
 */
public record TicketFacts(String ticketId, String branchId, CustomerTier customerTier,
                          String ticketNumber, Instant ticketNumberAt,
                          String issuedBusinessType, String typeHint, Instant typeHintAt,
                          Instant issuedAt,
                          Instant calledAt, String callCounterId, String callClerkId,
                          Instant cancelledAt, Instant closedAt,
                          String serviceBusinessType, Instant serviceStartedAt, Instant serviceFinishedAt,
                          String serviceCounterId, String serviceClerkId) {

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    public static TicketFacts empty(String ticketId, String branchId) {
        return new TicketFacts(ticketId, branchId, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    /** These facts plus what {@code event} says. Never loses a fact; applying an event twice changes nothing. */
    public TicketFacts with(TicketEvent event) {
        if (!event.ticketId().equals(ticketId)) {
            throw new IllegalArgumentException("Event of ticket " + event.ticketId() + " applied to " + ticketId);
        }
        Builder b = new Builder(this);
        b.tier(event.customerTier());
        Instant at = eventTime(event);
        b.number(event.ticketNumber(), at);
        if (event instanceof TicketIssued e) {
            b.issuedAt = min(b.issuedAt, e.issuedAt());
            // The issue event is the authority on what the customer came for.
            b.issuedBusinessType = min(b.issuedBusinessType, e.businessType());
        } else if (event instanceof TicketCalled e) {
            b.issuedAt = min(b.issuedAt, e.issuedAt());
            b.hint(e.businessType(), at);
            if (earlier(e.calledAt(), e.counterId() + "|" + e.clerkId(), b.calledAt, b.callCounterId + "|" + b.callClerkId)) {
                b.calledAt = e.calledAt();
                b.callCounterId = e.counterId();
                b.callClerkId = e.clerkId();
            }
        } else if (event instanceof TicketCancelled e) {
            b.hint(e.businessType(), at);
            b.cancelledAt = min(b.cancelledAt, e.cancelledAt());
        } else if (event instanceof TicketClosed e) {
            b.hint(e.businessType(), at);
            b.closedAt = min(b.closedAt, e.closedAt());
        } else if (event instanceof TicketTransferred e) {
            b.hint(e.previousBusinessType(), at);
        } else if (event instanceof ServiceStarted e) {
            b.hint(e.businessType(), at);
            b.service(e.startedAt(), e.businessType(), e.counterId(), e.clerkId());
        } else if (event instanceof ServiceFinished e) {
            b.hint(e.businessType(), e.startedAt());
            b.service(e.startedAt(), e.businessType(), e.counterId(), e.clerkId());
            b.serviceFinishedAt = min(b.serviceFinishedAt, e.finishedAt());
        } else {
            // recalled, no-show: after the call; they only tell the type.
            b.hint(event.businessType(), at);
        }
        return b.build();
    }

    /** The business type the wait is judged for: as issued, or the best guess until the issue event is seen. */
    public String waitBusinessType() {
        return issuedBusinessType != null ? issuedBusinessType : typeHint;
    }

    /**
     * When the wait ended as far as anything shows: called, cancelled, closed with the branch's day, or (an upper
     * bound while the call event is still on its way) service started.
     */
    public Instant waitEndedAt() {
        return min(min(min(calledAt, cancelledAt), closedAt), serviceStartedAt);
    }

    /**
     * When the wait ended according to the tickets topic itself. Events of one branch stay in order
     * on their partition, so once a call or a cancel is seen no earlier one can still come; a
     * service start (another topic) may overtake the call and proves only an upper bound.
     */
    public Instant certainWaitEnd() {
        return min(min(calledAt, cancelledAt), closedAt);
    }

    /** Whether the branch's day ended with this customer not served (closed BRANCH_CLOSED while waiting or called). */
    public boolean closedUnserved() {
        return closedAt != null;
    }

    public boolean waiting() {
        return issuedAt != null && waitEndedAt() == null;
    }

    public boolean inService() {
        return serviceStartedAt != null && serviceFinishedAt == null;
    }

    /** Whether what {@code kind} measures is over: the wait once it ended, the service once it finished. */
    public boolean isOver(SlaKind kind) {
        return kind.rule() == SlaRule.WAIT ? waitEndedAt() != null : serviceFinishedAt != null;
    }

    static Instant eventTime(TicketEvent event) {
        if (event instanceof TicketIssued e) {
            return e.issuedAt();
        } else if (event instanceof TicketCalled e) {
            return e.calledAt();
        } else if (event instanceof TicketCancelled e) {
            return e.cancelledAt();
        } else if (event instanceof TicketClosed e) {
            return e.closedAt();
        } else if (event instanceof TicketTransferred e) {
            return e.transferredAt();
        } else if (event instanceof TicketRecalled e) {
            return e.recalledAt();
        } else if (event instanceof TicketNoShow e) {
            return e.noShowAt();
        } else if (event instanceof ServiceStarted e) {
            return e.startedAt();
        } else if (event instanceof ServiceFinished e) {
            return e.finishedAt();
        }
        throw new IllegalArgumentException("Unknown ticket event " + event.getClass().getSimpleName());
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }

    private static String min(String a, String b) {
        return NULLS_LAST.compare(a, b) <= 0 ? a : b;
    }

    private static boolean earlier(Instant at, String tie, Instant currentAt, String currentTie) {
        if (at == null) {
            return false;
        }
        if (currentAt == null) {
            return true;
        }
        int c = at.compareTo(currentAt);
        return c < 0 || (c == 0 && NULLS_LAST.compare(tie, currentTie) < 0);
    }

    /** Mutable only while one event is folded in. */
    private static final class Builder {
        final String ticketId;
        final String branchId;
        CustomerTier customerTier;
        String ticketNumber;
        Instant ticketNumberAt;
        String issuedBusinessType;
        String typeHint;
        Instant typeHintAt;
        Instant issuedAt;
        Instant calledAt;
        String callCounterId;
        String callClerkId;
        Instant cancelledAt;
        Instant closedAt;
        String serviceBusinessType;
        Instant serviceStartedAt;
        Instant serviceFinishedAt;
        String serviceCounterId;
        String serviceClerkId;

        Builder(TicketFacts f) {
            ticketId = f.ticketId;
            branchId = f.branchId;
            customerTier = f.customerTier;
            ticketNumber = f.ticketNumber;
            ticketNumberAt = f.ticketNumberAt;
            issuedBusinessType = f.issuedBusinessType;
            typeHint = f.typeHint;
            typeHintAt = f.typeHintAt;
            issuedAt = f.issuedAt;
            calledAt = f.calledAt;
            callCounterId = f.callCounterId;
            callClerkId = f.callClerkId;
            cancelledAt = f.cancelledAt;
            closedAt = f.closedAt;
            serviceBusinessType = f.serviceBusinessType;
            serviceStartedAt = f.serviceStartedAt;
            serviceFinishedAt = f.serviceFinishedAt;
            serviceCounterId = f.serviceCounterId;
            serviceClerkId = f.serviceClerkId;
        }

        void tier(CustomerTier tier) {
            // A ticket keeps its tier; the lower ordinal wins only to stay order-independent.
            if (tier != null && (customerTier == null || tier.ordinal() < customerTier.ordinal())) {
                customerTier = tier;
            }
        }

        void number(String number, Instant at) {
            if (number == null || at == null) {
                return;
            }
            // The latest number wins: after a transfer the customer holds the new one.
            int c = ticketNumberAt == null ? 1 : at.compareTo(ticketNumberAt);
            if (c > 0 || (c == 0 && NULLS_LAST.compare(number, ticketNumber) < 0)) {
                ticketNumber = number;
                ticketNumberAt = at;
            }
        }

        void hint(String type, Instant at) {
            if (earlier(at, type, typeHintAt, typeHint) && type != null) {
                typeHint = type;
                typeHintAt = at;
            }
        }

        void service(Instant startedAt, String type, String counterId, String clerkId) {
            if (earlier(startedAt, type + "|" + counterId + "|" + clerkId, serviceStartedAt,
                    serviceBusinessType + "|" + serviceCounterId + "|" + serviceClerkId)) {
                serviceStartedAt = startedAt;
                serviceBusinessType = type;
                serviceCounterId = counterId;
                serviceClerkId = clerkId;
            }
        }

        TicketFacts build() {
            return new TicketFacts(ticketId, branchId, customerTier, ticketNumber, ticketNumberAt, issuedBusinessType,
                    typeHint, typeHintAt, issuedAt, calledAt, callCounterId, callClerkId, cancelledAt, closedAt,
                    serviceBusinessType, serviceStartedAt, serviceFinishedAt, serviceCounterId, serviceClerkId);
        }
    }
}
