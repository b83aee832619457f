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
     * wall clock, not the platform's): the start of the UTC day {@link #LIVE} before. A live query adds
     * {@code id >= liveFrom(...)} so that PostgreSQL reads only the last days' partitions instead of every day kept.
     * Whole days, so that the bound changes once a day: see {@link #liveIds(String)}.
     */
    public static UUID liveFrom(Instant wallNow) {
        return fromDayOf(wallNow.minus(LIVE));
    }

    /** The lowest id made on {@code at}'s UTC day: a bound that moves once a day (see {@link #liveIds(String)}). */
    public static UUID fromDayOf(Instant at) {
        return lowestAt(start(at.atZone(ZoneOffset.UTC).toLocalDate()));
    }

    /** {@link #liveFrom(Instant)} on the wall clock now. */
    public static UUID liveFrom() {
        return liveFrom(Instant.now());
    }

    /**
     * The live bound on {@code column} as SQL text with the id written in: {@code column >= '<liveFrom()>'}.
     * <p>
     * Not a parameter, because of what a parameter costs. A statement run often gets a cached generic plan, which
     * prunes the partitions a parameter excludes only when it runs, and PostgreSQL (15 here) locks every partition of
     * such a plan, with its indexes, before pruning: a query bound by {@code id >= ?} costs more with every day kept
     * (measured: 0.43 ms with 4 days, 0.99 ms with 34; 400 days are kept). A constant is pruned when the plan is
     * made, and the plan holds the live days only (0.43 and 0.52 ms). Since the bound moves once a day, the text does
     * too, and each statement is still prepared and planned once a day, not at every call.
     */
    public static String liveIds(String column) {
        return idsFrom(column, liveFrom());
    }

    /**
     * How far back in real time a ticket the queue made itself can still be open: a visit lasts one service day (the
     * day's close ends it), up to a whole day for a hall open round the clock. Shorter than {@link #LIVE}, which is for
     * ids other services receive (a consumer behind by a day still finds its rows): the queue's own live reads run on
     * every issue and call, and each day of partitions they keep costs them planning and index probes.
     */
    public static final java.time.Duration OWN_LIVE = java.time.Duration.ofDays(1);

    /**
     * The lowest id of a ticket the queue still works on, at the wall clock's {@code wallNow}: the start of yesterday
     * (UTC), {@link #OWN_LIVE} before. Whole days, as {@link #liveFrom(Instant)}: an id made at any time today or
     * yesterday, at least 24 hours back.
     */
    public static UUID ownLiveFrom(Instant wallNow) {
        return fromDayOf(wallNow.minus(OWN_LIVE));
    }

    /**
     * The first id past the live days, at the wall clock's {@code wallNow}: the start of tomorrow (UTC). No time-ordered
     * id is made later than now on this clock; one made past midnight by another machine's clock a little ahead
     * (another replica's) is left out until this clock passes midnight too, for as long as the two clocks differ.
     */
    public static UUID liveUntil(Instant wallNow) {
        return lowestAt(start(wallNow.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)));
    }

    /**
     * The queue's live bound from both sides, {@code column >= '<ownLiveFrom()>' AND column < '<liveUntil()>'}, for a
     * column that only holds time-ordered ids the queue made on its wall clock (its tickets and what names them):
     * yesterday and today. Where other ids may be (a producer's own, in the default partition), {@link #liveIds(String)}.
     * <p>
     * Two days, whatever is kept, so that a live query is planned and run over as many partitions on day 400 as on
     * day 1: a custom plan (what PostgreSQL makes for some of these statements at every call) costs about 0.04 ms a
     * partition it keeps, and a generic plan probes each one's index. With three days back and tomorrow, a plan kept
     * five partitions once the live days were full, against three on a new database (benchmark 7); now yesterday and
     * today once full, and today and the default partition (which could hold yesterday's ids) on a new database.
     */
    public static String liveOwnIds(String column) {
        Instant now = Instant.now();
        return idsFrom(column, ownLiveFrom(now)) + " AND " + idsBefore(column, liveUntil(now));
    }

    /** {@code column >= '<from>'}, as {@link #liveIds(String)}, for a bound of the caller's (a {@link LiveBound}). */
    public static String idsFrom(String column, UUID from) {
        return column + " >= '" + from + "'";
    }

    /** {@code column < '<until>'}: the upper end of a bound written in, as {@link #idsFrom} is its lower end. */
    public static String idsBefore(String column, UUID until) {
        return column + " < '" + until + "'";
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
