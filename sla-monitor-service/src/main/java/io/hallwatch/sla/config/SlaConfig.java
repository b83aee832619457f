package io.hallwatch.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The monitor's own settings ({@code hallwatch.sla.*}); the rules' numbers live in the SLA policy. */
@ConfigMapping(prefix = "hallwatch.sla")
public interface SlaConfig {

    /**
     * How often due timers are looked for (a producer's promise that passes a deadline also wakes
     * the scan). With the producers' watermark interval, this bounds how late after a deadline a
     * breach is raised.
     */
    @WithDefault("100ms")
    Duration timerScanInterval();

    /** The producers whose watermarks a deadline waits for, on the tickets topic. */
    @WithDefault("queue-service")
    List<String> ticketsProducers();

    /** The producers whose watermarks a deadline waits for, on the services topic. */
    @WithDefault("counter-service")
    List<String> servicesProducers();

    /** Watermarks kept per producer and topic (at one every 25 ms, 4096 are more than a minute and a half). */
    @WithDefault("4096")
    int watermarksKept();

    /** A finding detected more than this after its deadline is marked late. */
    @WithDefault("5s")
    Duration lateAfter();

    /** Due timers claimed per scan transaction. */
    @WithDefault("500")
    int timerBatchSize();

    /** Run the timer scan and the branch evaluation on their schedules (tests may also call them). */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** How often every branch's rolling average is evaluated and the per-branch gauges refreshed. */
    @WithDefault("5s")
    Duration branchEvaluationInterval();

    /**
     * A ticket still "waiting" after this long was forgotten by its producer (no call, no cancel
     * ever came): it is left out of the branch average and the waiting-now figures.
     */
    @WithDefault("PT4H")
    Duration staleAfter();

    /**
     * Members of the timeline's consumer group in this instance (at most one per partition is
     * busy). Several overlap one poll's decoding and detection with the others' database round
     * trips: benchmark 2 measured one member waiting on PostgreSQL about half of its time, and
     * three (two partitions of each topic apiece) a little faster than two.
     */
    @WithDefault("3")
    int timelineConsumers();

    /** The branches' time zone: a report's date is a day in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId reportZone();
}
