package io.hallwatch.sla.store.retention;

import io.hallwatch.common.retention.IdDays;

import java.util.Collection;
import java.util.Comparator;

/**
 * Bounds on a ticket id for the queries on the day-partitioned tables (V15), so that PostgreSQL reads the days a
 * query can find rows in, not each of the 400 kept: the partition key pinned by equality needs none.
 */
public final class LiveIds {
    private LiveIds() {
    }

    /**
     * The lowest id a ticket the live hall still works on can have: three days back on the wall clock. The wall
     * clock, not the platform's: the queue makes the ids on its wall clock, and the platform clock may run at 60x.
     */
    public static String from() {
        return IdDays.liveFrom().toString();
    }

    /**
     * The lowest of {@code ids}, in the C collation's byte order (the partition key's), for a query over a set of
     * tickets: it finds them all, whatever their age, and reads no day before the oldest.
     */
    public static String lowest(Collection<String> ids) {
        return ids.stream().min(BYTES).orElseThrow();
    }

    /** The highest of {@code ids}, as {@link #lowest}. */
    public static String highest(Collection<String> ids) {
        return ids.stream().max(BYTES).orElseThrow();
    }

    /** The C collation's order: UTF-8 bytes (String.compareTo differs past U+FFFF). */
    private static final Comparator<String> BYTES = (a, b) -> java.util.Arrays.compareUnsigned(
            a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
}
