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
import io.hallwatch.events.TicketParked;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.TicketTransferred;

import java.time.Duration;
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
 * @param walkIn             served at a counter without a kiosk ticket (issue 25): never judged against the wait standard
 * @param lastCalledAt       the latest call; after a park, the call that ends the resumed wait
 * @param parkedAt           the latest park and return ({@code hallwatch.ticket.parked.v1}): the ticket waits again from it
 * @param parkWaitedSeconds  the wait kept at that park: the wait clock resumes from it
 * @param serviceParkedAt    the latest park of a visit in service: the service under way ended there
 * @param lastServiceStartedAt the latest service start: after a park and a second call, the service judged now
 * @param waitFrom           the issue event's {@code waitFrom}: an appointment checked in before its slot waits from the
 *                           slot's start, not from the check-in ({@code issuedAt}); null for any other ticket
 */
public record TicketFacts(String ticketId, String branchId, CustomerTier customerTier,
                          String ticketNumber, Instant ticketNumberAt,
                          String issuedBusinessType, String typeHint, Instant typeHintAt,
                          Instant issuedAt,
                          Instant calledAt, String callCounterId, String callClerkId,
                          Instant cancelledAt, Instant closedAt,
                          String serviceBusinessType, Instant serviceStartedAt, Instant serviceFinishedAt,
                          String serviceCounterId, String serviceClerkId,
                          boolean walkIn, Instant lastCalledAt, Instant parkedAt, Long parkWaitedSeconds,
                          Instant serviceParkedAt, Instant lastServiceStartedAt, Instant waitFrom) {

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    public static TicketFacts empty(String ticketId, String branchId) {
        return new TicketFacts(ticketId, branchId, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, false, null, null, null, null, null, null);
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
            b.walkIn |= e.servedAsWalkIn();
            // Only the issue event knows the slot; a redelivery or a replay carries the same value.
            b.waitFrom = min(b.waitFrom, e.waitFrom());
        } else if (event instanceof TicketCalled e) {
            b.issuedAt = min(b.issuedAt, e.issuedAt());
            b.hint(e.businessType(), at);
            b.walkIn |= e.servedAsWalkIn();
            b.lastCalledAt = max(b.lastCalledAt, e.calledAt());
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
        } else if (event instanceof TicketParked e) {
            b.hint(e.businessType(), at);
            b.park(e.parkedAt(), e.waitedSeconds(), "SERVING".equals(e.statusAtPark()));
        } else if (event instanceof ServiceStarted e) {
            b.hint(e.businessType(), at);
            b.service(e.startedAt(), e.businessType(), e.counterId(), e.clerkId());
            b.lastServiceStartedAt = max(b.lastServiceStartedAt, e.startedAt());
        } else if (event instanceof ServiceFinished e) {
            b.hint(e.businessType(), e.startedAt());
            b.service(e.startedAt(), e.businessType(), e.counterId(), e.clerkId());
            b.lastServiceStartedAt = max(b.lastServiceStartedAt, e.startedAt());
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
     * bound while the call event is still on its way) service started. After a park, the wait that resumed at it:
     * only what happened from the park on ends it.
     */
    public Instant waitEndedAt() {
        if (parkedAt == null) {
            return min(min(min(calledAt, cancelledAt), closedAt), serviceStartedAt);
        }
        return min(certainWaitEnd(), fromPark(lastServiceStartedAt));
    }

    /**
     * When the wait ended according to the tickets topic itself. Events of one branch stay in order
     * on their partition, so once a call or a cancel is seen no earlier one can still come; a
     * service start (another topic) may overtake the call and proves only an upper bound. After a park
     * (on the tickets topic too) the call that ends the resumed wait is the latest one, if it came after the park.
     */
    public Instant certainWaitEnd() {
        if (parkedAt == null) {
            return min(min(calledAt, cancelledAt), closedAt);
        }
        return min(min(fromPark(lastCalledAt), fromPark(cancelledAt)), fromPark(closedAt));
    }

    /**
     * Where the wait clock starts: the issue (for a remote ticket or an appointment, the check-in), or the issue
     * event's {@code waitFrom} where that is later (an appointment checked in before its slot waits from the slot's
     * start); after a park, the park minus the wait kept (the time spent called or at a counter before it is not
     * waiting). A wait deadline is this plus the wait limit, so a resumed wait has the budget left at the park, and a
     * customer early for an appointment is not late before the slot's start plus the limit.
     */
    public Instant waitClockStart() {
        if (parkedAt == null || parkWaitedSeconds == null) {
            return waitStart();
        }
        return parkedAt.minusSeconds(parkWaitedSeconds);
    }

    /**
     * When the customer's wait began, park or no park: the issue or check-in, or the slot's start where an appointment
     * was checked in before it. Null until the issue (or a call carrying it) is seen.
     */
    public Instant waitStart() {
        return max(issuedAt, issuedAt == null ? null : waitFrom);
    }

    /** The wait from its start to {@code end}; never negative (an appointment called before its slot waited nothing). */
    public Duration waitUntil(Instant end) {
        Duration d = Duration.between(waitClockStart(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whether the wait standard applies: never to a walk-in. */
    public boolean waitJudged() {
        return !walkIn;
    }

    /** The start of the service judged now: the latest (after a park and a second call, the second service). */
    public Instant handlingStartedAt() {
        return lastServiceStartedAt != null ? lastServiceStartedAt : serviceStartedAt;
    }

    /** When the service judged now ended: finished, or parked while in service (its handling timer stops there). */
    public Instant handlingEndedAt() {
        Instant start = handlingStartedAt();
        if (start == null) {
            return serviceFinishedAt;
        }
        Instant parked = serviceParkedAt != null && !serviceParkedAt.isBefore(start) ? serviceParkedAt : null;
        return min(serviceFinishedAt, parked);
    }

    private Instant fromPark(Instant at) {
        return at != null && !at.isBefore(parkedAt) ? at : null;
    }

    /** Whether the branch's day ended with this customer not served (closed BRANCH_CLOSED while waiting or called). */
    public boolean closedUnserved() {
        return closedAt != null;
    }

    public boolean waiting() {
        return issuedAt != null && waitEndedAt() == null;
    }

    public boolean inService() {
        return handlingStartedAt() != null && handlingEndedAt() == null;
    }

    /** Whether what {@code kind} measures is over: the wait once it ended, the service once it finished (or was parked). */
    public boolean isOver(SlaKind kind) {
        return kind.rule() == SlaRule.WAIT ? waitEndedAt() != null : handlingEndedAt() != null;
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
        } else if (event instanceof TicketParked e) {
            return e.parkedAt();
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

    private static Instant max(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
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
        boolean walkIn;
        Instant lastCalledAt;
        Instant parkedAt;
        Long parkWaitedSeconds;
        Instant serviceParkedAt;
        Instant lastServiceStartedAt;
        Instant waitFrom;

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
            walkIn = f.walkIn;
            lastCalledAt = f.lastCalledAt;
            parkedAt = f.parkedAt;
            parkWaitedSeconds = f.parkWaitedSeconds;
            serviceParkedAt = f.serviceParkedAt;
            lastServiceStartedAt = f.lastServiceStartedAt;
            waitFrom = f.waitFrom;
        }

        void park(Instant at, long waitedSeconds, boolean inService) {
            // The latest park wins (a tie: the smaller wait kept, to stay order-independent).
            int c = parkedAt == null ? 1 : at.compareTo(parkedAt);
            if (c > 0 || (c == 0 && waitedSeconds < parkWaitedSeconds)) {
                parkedAt = at;
                parkWaitedSeconds = waitedSeconds;
            }
            if (inService) {
                serviceParkedAt = max(serviceParkedAt, at);
            }
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
                    serviceBusinessType, serviceStartedAt, serviceFinishedAt, serviceCounterId, serviceClerkId, walkIn,
                    lastCalledAt, parkedAt, parkWaitedSeconds, serviceParkedAt, lastServiceStartedAt, waitFrom);
        }
    }
}
