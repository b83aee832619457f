package io.hallwatch.queue.service.appointment;

import io.hallwatch.queue.config.QueueConfig;
import io.hallwatch.queue.domain.appointment.Appointment;
import io.hallwatch.queue.events.appointment.AppointmentEvents;
import io.hallwatch.queue.store.appointment.AppointmentStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Frees the places of appointments nobody checked in for by {@code no-show-after} past their slot's start: each
 * becomes NO_SHOW with its {@code hallwatch.appointment.cancelled.v1} (reason NO_SHOW) in the same transaction.
 * Safe with several instances ({@code FOR UPDATE SKIP LOCKED}; a no-show is never booked again).
 */
@ApplicationScoped
public class AppointmentNoShows {
    private static final Logger LOG = Logger.getLogger(AppointmentNoShows.class);
    private static final int BATCH = 200;

    private final AppointmentStore appointments;
    private final AppointmentEvents events;
    private final Clock clock;
    private final Duration noShowAfter;

    AppointmentNoShows(AppointmentStore appointments, AppointmentEvents events, Clock clock, QueueConfig config) {
        this.appointments = appointments;
        this.events = events;
        this.clock = clock;
        this.noShowAfter = config.appointments().noShowAfter();
    }

    @Scheduled(every = "${hallwatch.queue.appointments.no-show-interval:15s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            markDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Marking the appointments' no-shows failed; tried again in the next round");
        }
    }

    /** Marks every appointment past its no-show time by now; answers how many. */
    public int markDue() {
        int marked = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(this::markSome);
            marked += n;
        } while (n == BATCH);
        return marked;
    }

    private int markSome() {
        Instant now = clock.instant();
        List<Appointment> due = appointments.lockUnattended(now.minus(noShowAfter), BATCH);
        for (Appointment a : due) {
            a.noShow(now);
            appointments.update(a);
            events.cancelled(a, AppointmentEvents.NO_SHOW);
        }
        return due.size();
    }
}
