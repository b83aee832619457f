package io.hallwatch.events;

import java.util.List;

/**
 * Kafka topic names. Every event-stream record is keyed by branch id, so that one branch's events stay in
 * order on one partition and one consumer instance owns a branch at a time.
 */
public final class Topics {
    public static final String TICKETS = "hallwatch.tickets.v1";
    public static final String SERVICES = "hallwatch.services.v1";
    public static final String SLA = "hallwatch.sla.v1";
    public static final String MARKETING = "hallwatch.marketing.v1";
    /**
     * The service standard ({@link StandardChanged}): compacted, one partition, one key. Consumers
     * read it whole at start instead of keeping a copy of the numbers.
     */
    public static final String STANDARD = "hallwatch.standard.v1";
    /**
     * The producers' watermarks ({@link ProducerWatermark}): one partition, keyed by producer and
     * topic, compacted and also expiring (an hour), because relays write several a second and only
     * the newest matter to a reader that starts.
     */
    public static final String WATERMARKS = "hallwatch.watermarks.v1";

    /** The event streams, keyed by branch, each with a dead-letter topic. */
    public static final List<String> ALL = List.of(TICKETS, SERVICES, SLA, MARKETING);

    /** The compacted topics: their latest record per key is the state (no dead letters: one producer). */
    public static final List<String> COMPACTED = List.of(STANDARD, WATERMARKS);

    /** The compacted topics whose old records also expire ({@code cleanup.policy=compact,delete}). */
    public static final List<String> EXPIRING = List.of(WATERMARKS);

    /** How long an expiring compacted topic keeps its records, and how often its segments roll. */
    public static final long EXPIRING_RETENTION_MS = 3_600_000L;
    public static final long EXPIRING_SEGMENT_MS = 600_000L;

    private Topics() {
    }

    /** The dead-letter topic for records of {@code topic} that a consumer cannot process. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }

    /**
     * Every event stream with its dead-letter topic, and the dead-letter topics of the compacted ones
     * (which are created apart, compacted: {@link #COMPACTED}).
     */
    public static List<String> allWithDeadLetters() {
        return java.util.stream.Stream.concat(ALL.stream().flatMap(t -> java.util.stream.Stream.of(t, dlq(t))),
                COMPACTED.stream().map(Topics::dlq)).toList();
    }
}
