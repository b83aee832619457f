package io.hallwatch.queue.service.staffing;

import io.hallwatch.events.StaffingShortfallForecast;
import io.hallwatch.queue.domain.staffing.HourAdvice;
import io.hallwatch.queue.events.staffing.StaffingEvents;
import io.hallwatch.queue.metrics.StaffingMetrics;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.store.catalogue.CatalogueStore;
import io.hallwatch.queue.store.staffing.ShortfallsTold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes every branch's staffing gauges every {@code hallwatch.queue.staffing.refresh}: counters
 * needed for the hour under way and the next (in the branch's own time), open now, and whether the
 * next hour is understaffed. From the database, so every replica reports the same. An understaffed
 * next hour is also told once ({@code hallwatch.staffing.shortfall-forecast.v1}), for the SLA
 * monitor to page the duty manager.
 */
@ApplicationScoped
public class StaffingFigures {
    private static final Logger LOG = Logger.getLogger(StaffingFigures.class);

    private final CatalogueStore branches;
    private final CatalogueService catalogue;
    private final StaffingService staffing;
    private final StaffingMetrics metrics;
    private final Clock clock;
    private final ShortfallsTold told;
    private final StaffingEvents events;

    StaffingFigures(CatalogueStore branches, CatalogueService catalogue, StaffingService staffing, StaffingMetrics metrics, Clock clock,
                    ShortfallsTold told, StaffingEvents events) {
        this.told = told;
        this.events = events;
        this.branches = branches;
        this.catalogue = catalogue;
        this.staffing = staffing;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${hallwatch.queue.staffing.refresh:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        List<StaffingMetrics.BranchStaffing> rows = new ArrayList<>();
        for (String id : branches.branchIds()) {
            try {
                ZonedDateTime local = clock.instant().atZone(catalogue.branchSetup(id).zone());
                StaffingService.StaffingPlan plan = staffing.plan(id, local.toLocalDate());
                Optional<HourAdvice> now = hour(plan, local.toLocalTime().withMinute(0).withSecond(0).withNano(0));
                Optional<HourAdvice> next = hour(plan, local.toLocalTime().withMinute(0).withSecond(0).withNano(0).plusHours(1));
                rows.add(new StaffingMetrics.BranchStaffing(id, now.map(HourAdvice::countersNeeded).orElse(0),
                        next.map(HourAdvice::countersNeeded).orElse(0), plan.countersOpenNow(), next.map(HourAdvice::understaffed).orElse(false)));
                if (next.isPresent() && next.get().understaffed()) {
                    tell(id, plan, next.get(), local.toLocalDate().atTime(next.get().hour()).atZone(local.getZone()).toInstant());
                }
            } catch (RuntimeException e) {
                // One branch's failure (its set-up read while being changed) must not blank the others' gauges.
                LOG.warnf("Staffing of %s not recomputed: %s", id, e.toString());
            }
        }
        metrics.replace(rows);
    }

    /** Once per branch and hour, however many refreshes or replicas see it: the duty manager is paged by the monitor. */
    private void tell(String branchId, StaffingService.StaffingPlan plan, HourAdvice next, Instant hourStartsAt) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            if (told.firstTime(branchId, hourStartsAt, now)) {
                events.shortfall(new StaffingShortfallForecast(branchId, hourStartsAt, next.countersNeeded(), next.countersOpen(),
                        Math.round(next.arrivals() * 10) / 10.0, Math.round(next.shareOverLimitWithOpen() * 1000) / 1000.0,
                        plan.waitLimit().toSeconds(), now));
            }
        });
    }

    private static Optional<HourAdvice> hour(StaffingService.StaffingPlan plan, LocalTime hour) {
        return plan.hours().stream().filter(h -> h.hour().equals(hour)).findFirst();
    }
}
