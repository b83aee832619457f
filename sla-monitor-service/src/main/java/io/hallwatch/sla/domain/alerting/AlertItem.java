package io.hallwatch.sla.domain.alerting;

import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.StaffingShortfallForecast;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a duty manager is paged about, grouped per branch like the rest: an SLA breach, or the queue's
 * forecast that the next hour is understaffed. {@code itemId} is its key (one alert item, one page,
 * however often it is delivered); {@code rule} and {@code actualSeconds} are what a follow-up lists.
 */
public record AlertItem(String itemId, String branchId, String rule, String ticketNumber, long actualSeconds, Instant detectedAt,
                        boolean branchLevel, Page page) {

    /** The first message about the item, once its alert id is known. */
    @FunctionalInterface
    public interface Page {
        AlertMessage of(String alertId);
    }

    /** The rule a follow-up names for an understaffed hour. */
    public static final String STAFFING_RULE = "STAFFING_FORECAST";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    public static AlertItem of(SlaBreached b) {
        return new AlertItem(b.breachId(), b.branchId(), b.rule().name(), b.ticketNumber(), b.actualSeconds(), b.detectedAt(),
                b.rule() == SlaRule.BRANCH_AVERAGE_WAIT, alertId -> AlertText.page(alertId, b));
    }

    /** {@code zone}: where the hour is told in local time (the alerting zone). */
    public static AlertItem of(StaffingShortfallForecast f, ZoneId zone) {
        String hour = HOUR.format(f.hourStartsAt().atZone(zone));
        return new AlertItem("staffing-" + f.branchId() + "-" + f.hourStartsAt(), f.branchId(), STAFFING_RULE, null, 0,
                f.forecastAt(), false, alertId -> new AlertMessage(alertId, f.branchId(),
                "Understaffed from " + hour + " at " + f.branchId(),
                "- " + hour + "-" + HOUR.format(f.hourStartsAt().plusSeconds(3600).atZone(zone)) + ": " + f.countersNeeded()
                        + " counters needed, " + f.countersOpen() + " open\n- about " + Math.round(f.arrivalsExpected())
                        + " customers expected; with the counters open " + Math.round(f.shareOverLimit() * 100)
                        + " % would wait over " + f.waitLimitSeconds() / 60 + " min",
                List.of(f.branchId(), "STAFFING", Integer.toString(f.countersNeeded()))));
    }
}
