package io.hallwatch.queue.api.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.TicketOrigin;
import io.hallwatch.queue.domain.ticket.Ticket;
import io.hallwatch.queue.domain.ticket.TicketStatus;
import io.hallwatch.queue.domain.forecast.BreachAdvice;
import io.hallwatch.queue.domain.ticket.Triage;
import io.hallwatch.queue.service.ticket.TicketStanding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket as kiosks, terminals and displays see it. {@code position} (1 = next), {@code peopleAhead}
 * and {@code estimatedWaitMinutes} are current for a waiting ticket; for others the estimate is the
 * one made at issue. {@code walkIn}: served at a counter without a kiosk ticket; {@code parkCount}: how often the visit
 * was parked back into the queue; {@code callReason} and {@code outOfOrder}: the last call was the clerk's choice, and
 * jumped the call order. {@code origin}: a remote ticket or an appointment, which joined the queue at the customer's
 * check-in ({@code issuedAt}); {@code takenAt}, {@code checkInBy} and {@code checkInCode}: a remote ticket's, what the
 * customer types at the kiosk by then; {@code appointmentId}: the appointment it was checked in for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(UUID ticketId, String branchId, String number, String businessType, CustomerTier tier,
                         TicketStatus status, Instant issuedAt, Instant calledAt, String counterId, Integer recallCount,
                         Integer position, Integer peopleAhead, int estimatedWaitMinutes, Triage.Advice advice,
                         boolean breachPredicted, PredictedBreach predictedBreach, boolean walkIn, int parkCount,
                         String callReason, boolean outOfOrder, TicketOrigin origin, Instant takenAt, Instant checkInBy,
                         String checkInCode, UUID appointmentId) {

    /**
     * On the answer to the issue only, where the estimate already exceeds the ticket's wait limit:
     * what the kiosk tells the customer. {@code otherChannels} can do the business without a counter;
     * {@code nearbyBranches} are at least 10 minutes sooner, travel included, nearest total first.
     */
    public record PredictedBreach(int estimatedWaitMinutes, int waitLimitMinutes, List<Triage.Advice> otherChannels,
                                  List<NearbyBranch> nearbyBranches) {
        static PredictedBreach of(BreachAdvice a) {
            return new PredictedBreach(minutes(a.estimate()), minutes(a.waitLimit()),
                    a.otherChannels().stream().map(c -> new Triage.Advice(c.code(), c.text())).toList(),
                    a.nearbyBranches().stream().map(n -> new NearbyBranch(n.branchId(), n.name(), minutes(n.estimate()),
                            (int) n.travel().toMinutes())).toList());
        }

        private static int minutes(java.time.Duration d) {
            return (int) Math.round(d.toSeconds() / 60.0);
        }
    }

    public record NearbyBranch(String branchId, String name, int estimatedWaitMinutes, int travelMinutes) {
    }


    public static TicketView of(TicketStanding standing) {
        Ticket t = standing.ticket();
        var current = standing.estimate();
        Integer position = current == null ? null : current.position();
        Integer ahead = current == null ? null : current.peopleAhead();
        int minutes = current == null ? t.estimatedWaitMinutes : current.minutes();
        return new TicketView(t.id, t.branchId, t.number, t.businessType, t.tier, t.status, t.issuedAt, t.calledAt,
                t.counterId, t.recallCount, position, ahead, minutes, Triage.adviceFor(t.businessType, t.tier).orElse(null),
                t.breachPredicted, standing.breachAdvice() == null ? null : PredictedBreach.of(standing.breachAdvice()),
                t.walkIn, t.parkCount, t.callReason, t.outOfOrder, t.origin, t.takenAt, t.checkInBy, t.checkInCode,
                t.appointmentId);
    }
}
