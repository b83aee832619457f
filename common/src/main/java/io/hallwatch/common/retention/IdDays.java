package io.hallwatch.common.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The days of the time-ordered ids ({@code io.hallwatch.events.TimeOrderedIds}, UUID version 7: the creation time in
 * milliseconds in the first 48 bits): a table keyed by such an id is partitioned by range of the id, one partition
 * per UTC day, so that a row always lands in the partition of the day its id was made, a duplicate of the same id in
 * the same partition (the primary key still refuses it), and a lookup by id touches one partition. PostgreSQL compares
 * UUIDs byte by byte, which is the ids' time order.
 */
public final class IdDays {
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("'p'yyyyMMdd");
    /**
     * How far back in real time a row the live hall still works on can have been made: a visit lasts one service
     * day (the day's close ends it), a day extended past midnight included, with a day to spare.
     */
    public static final java.time.Duration LIVE = java.time.Duration.ofDays(3);

    private IdDays() {
    }

    /** The lowest id made on or after {@code at}'s millisecond: the bound a partition starts at. */
    public static UUID lowestAt(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("Outside the ids' 48-bit millisecond range: " + at);
        }
        return new UUID(millis << 16, 0L);
    }

    /**
     * The lowest id of a row the live hall may still work on, at the wall clock's {@code wallNow} (ids carry the
     * wall clock, not the platform's): a live query adds {@code id >= liveFrom(...)} so that PostgreSQL reads only
     * the last days' partitions instead of every day kept.
     */
    public static UUID liveFrom(Instant wallNow) {
        return lowestAt(wallNow.minus(LIVE));
    }

    /** {@link #liveFrom(Instant)} on the wall clock now: the parameter of a live query's bound. */
    public static UUID liveFrom() {
        return liveFrom(Instant.now());
    }

    /** The first instant of {@code day} (UTC). */
    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The UTC day an id was made on. */
    public static LocalDate dayOf(UUID id) {
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The partition of {@code table} for {@code day}: {@code <table>_pYYYYMMDD}. */
    public static String partition(String table, LocalDate day) {
        return table + "_" + SUFFIX.format(day);
    }

    /** The day a partition name of {@code table} stands for, or null where the name is not one (the default partition). */
    public static LocalDate dayOfPartition(String table, String partition) {
        String prefix = table + "_p";
        if (!partition.startsWith(prefix) || partition.length() != prefix.length() + 8) {
            return null;
        }
        try {
            return LocalDate.parse(partition.substring(prefix.length()), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
