package io.hallwatch.queue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;

@ConfigMapping(prefix = "hallwatch.queue")
public interface QueueConfig {

    /**
     * A ticket waiting longer than its wait limit (the service standard's, learned from
     * {@code hallwatch.standard.v1}) minus this is called before a VIP who is not at risk.
     */
    @WithDefault("2m")
    Duration atRiskMargin();

    /** A counter that called within this window counts as open for the wait estimate. */
    @WithDefault("30m")
    Duration counterPresenceWindow();

    /** How often the waiting-now gauges are recounted from the database (read by the scheduler). */
    @WithDefault("10s")
    Duration metricsRefresh();

    /**
     * How long a branch's or business type's set-up read for a kiosk or counter request is reused.
     * A change through the admin API is seen at once by the replica that made it, by the others
     * within this time. 0 reads them on every request.
     */
    @WithDefault("5s")
    Duration catalogueMaxAge();

    /** The wait forecast (service.forecast.WaitForecasts). */
    Forecast forecast();

    interface Forecast {
        /** Call to service start, until the branch has started services to measure it from (the last hour's mean). */
        @WithDefault("30s")
        Duration walkUp();

        /**
         * How long a branch's handling means, walk-up and VIP rate, read for the forecast, are reused as they are; after
         * that the next forecast still uses them and has them read again in the background.
         */
        @WithDefault("5s")
        Duration ratesMaxAge();

        /**
         * How long a branch's rates may be used at all: a branch no forecast asked for in this long (a quiet hall) has
         * them read again before its next estimate, not after it.
         */
        @WithDefault("1m")
        Duration ratesKeptFor();
    }

    /** The staffing advice (service.staffing.StaffingService). */
    Staffing staffing();

    interface Staffing {
        /** The share of customers that may wait past the wait limit in an hour that is staffed well enough. */
        @WithDefault("0.05")
        double maxShareOverLimit();

        /** How many past weeks' same weekday-hours the arrivals forecast averages. */
        @WithDefault("4")
        int historyWeeks();

        /** How often (real time) the staffing gauges of every branch are recomputed (read by the scheduler). */
        @WithDefault("60s")
        Duration refresh();
    }

    /** "Your turn is near" (service.notice.TurnNoticeService): the watch over the consenting customers. */
    TurnNotice turnNotice();

    interface TurnNotice {
        /** How often (real time) the watch looks for consenting customers whose turn is near (read by the scheduler). */
        @WithDefault("2s")
        Duration every();

        /** Consents looked at per transaction. */
        @WithDefault("100")
        int batch();
    }

    /** The service day: the hours a branch created without its own gets, and the job that ends the day. */
    Day day();

    interface Day {
        /** Opening time of a branch whose set-up names none (branch time). */
        @WithDefault("09:00")
        LocalTime defaultOpensAt();

        /** Closing time of a branch whose set-up names none (branch time). */
        @WithDefault("18:00")
        LocalTime defaultClosesAt();

        /** Grace after closing of a branch whose set-up names none: the counters work through the queue meanwhile. */
        @WithDefault("15m")
        Duration defaultCloseGrace();

        /** How often (real time) the closing job looks for service days that ended with tickets still open. */
        @WithDefault("2s")
        Duration closeInterval();

        /** Tickets closed per transaction by the closing job. */
        @WithDefault("200")
        int closeBatch();
    }

    /** Remote tickets (service.ticket.RemoteTickets): taken before the customer comes, checked in at the kiosk. */
    Remote remote();

    interface Remote {
        /** How long after it was taken a remote ticket may be checked in; after that it is cancelled (REMOTE_EXPIRED). */
        @WithDefault("60m")
        Duration window();

        /** How often (real time) the job looks for remote tickets past their window (read by the scheduler). */
        @WithDefault("15s")
        Duration expiryInterval();

        /** Remote tickets cancelled per transaction by the expiry job. */
        @WithDefault("200")
        int expiryBatch();
    }

    /** Appointments (service.appointment.AppointmentService): slots booked ahead, checked in at the kiosk. */
    Appointments appointments();

    interface Appointments {
        /** How long before its slot's start an appointment may be checked in. */
        @WithDefault("15m")
        Duration checkInEarly();

        /** How long after its slot's start a check-in is still on time (served ahead of walk-ups); later, an ordinary ticket. */
        @WithDefault("10m")
        Duration checkInLate();

        /** How long after its slot's start nobody having checked in makes the appointment a no-show, freeing its place. */
        @WithDefault("15m")
        Duration noShowAfter();

        /** How many days ahead a slot may be booked. */
        @WithDefault("14")
        int bookAheadDays();

        /** How often (real time) the job looks for no-shows (read by the scheduler). */
        @WithDefault("15s")
        Duration noShowInterval();
    }
}
