package io.hallwatch.sla.store.retention;

import io.hallwatch.common.retention.IdDays;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * Bounds on a ticket id for the queries on the day-partitioned tables (V15), so that PostgreSQL reads the days a
 * query can find rows in, not each of the 400 kept: the partition key pinned by equality needs none.
 */
public final class LiveIds {
    private LiveIds() {
    }

    /**
     * {@code column >= '<id>'}, the lowest id a ticket the live hall still works on can have: from the UTC day three
     * days back on the wall clock. The wall clock, not the platform's: the queue makes the ids on its wall clock, and
     * the platform clock may run at 60x. Written into the statement, not bound: {@link IdDays#liveIds(String)} says why.
     */
    public static String live(String column) {
        return IdDays.liveIds(column);
    }

    /**
     * A bound on {@code column} that holds every one of {@code ids} and keeps a query on their days' partitions, as
     * statement text: from the start of the oldest id's UTC day to the end of the newest's. Whole days, so that the
     * text is the same for every batch of a day and the statement is prepared once, not planned per call (a bound
     * passed as parameters makes a cached plan lock every day's partition: {@link IdDays#liveIds(String)}). Where one
     * of the ids is not a time-ordered id (a producer's own), no bound: such a row lives in the default partition.
     */
    public static String daysOf(String column, Collection<String> ids) {
        LocalDate first = null;
        LocalDate last = null;
        for (String id : ids) {
            LocalDate day = dayOf(id);
            if (day == null) {
                return "TRUE";
            }
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }
        if (first == null) {
            return "TRUE";
        }
        return IdDays.idsFrom(column, IdDays.lowestAt(IdDays.start(first))) + " AND "
                + IdDays.idsBefore(column, IdDays.lowestAt(IdDays.start(last.plusDays(1))));
    }

    /** The UTC day of a time-ordered id written as the queue writes it (lowercase, canonical), else null. */
    private static LocalDate dayOf(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.version() == 7 && uuid.toString().equals(id) ? IdDays.dayOf(uuid) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
