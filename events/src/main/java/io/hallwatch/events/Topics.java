package io.hallwatch.events;

import java.util.List;

/**
 * Kafka topic names. Every record is keyed by branch id, so that one branch's events stay in
 * order on one partition and one consumer instance owns a branch at a time.
 */
public final class Topics {
    public static final String TICKETS = "hallwatch.tickets.v1";
    public static final String SERVICES = "hallwatch.services.v1";
    public static final String SLA = "hallwatch.sla.v1";
    public static final String MARKETING = "hallwatch.marketing.v1";

    public static final List<String> ALL = List.of(TICKETS, SERVICES, SLA, MARKETING);

    private Topics() {
    }

    /** The dead-letter topic for records of {@code topic} that a consumer cannot process. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }

    /** Every topic the platform uses, dead-letter topics included. */
    public static List<String> allWithDeadLetters() {
        return ALL.stream().flatMap(t -> java.util.stream.Stream.of(t, dlq(t))).toList();
    }
}
