package io.hallwatch.events;

import java.time.Instant;

/**
 * The queue-service's staffing forecast says a branch's next hour needs more counters than are open
 * now (Erlang C against the wait limit): published once per branch and hour, so that the duty
 * manager is told once, through the SLA monitor's alerting, before the hour begins. No personal data.
 *
 * @param hourStartsAt      the start of the hour forecast (branch-local hour, as an instant)
 * @param countersNeeded    so that at most {@code maxShareOverLimit} of customers wait past the limit
 * @param countersOpen      open when forecast
 * @param arrivalsExpected  customers expected in the hour
 * @param shareOverLimit    the share expected to wait past the limit with the counters open
 */
public record StaffingShortfallForecast(String branchId, Instant hourStartsAt, int countersNeeded, int countersOpen,
                                        double arrivalsExpected, double shareOverLimit, long waitLimitSeconds,
                                        Instant forecastAt) implements EventPayload {

    /** One per branch and hour. */
    @Override
    public String subject() {
        return branchId + "/staffing/" + hourStartsAt;
    }
}
