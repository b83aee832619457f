package io.hallwatch.common.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the daily partitions of one table should be at {@code now}: one per UTC day from the oldest day still within
 * {@code keep} to {@code daysAhead} days from today, created where missing; a partition whose whole day ended more
 * than {@code keep} ago is dropped, whole, never emptied by row deletes. Days between the oldest kept and today that
 * have no partition are not filled in: nothing is written there any more.
 */
public record PartitionPlan(Duration keep, int daysAhead) {

    public PartitionPlan {
        if (keep.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("Keep rows at least a day: " + keep);
        }
        if (daysAhead < 1) {
            throw new IllegalArgumentException("Create at least tomorrow's partition ahead: " + daysAhead);
        }
    }

    /** The partitions to create and to drop, each as its day, oldest first. */
    public record Changes(List<LocalDate> create, List<LocalDate> drop) {
    }

    public Changes at(Instant now, Collection<LocalDate> existing) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Set<LocalDate> have = new TreeSet<>(existing);
        List<LocalDate> drop = new ArrayList<>();
        for (LocalDate day : have) {
            if (expired(day, now)) {
                drop.add(day);
            }
        }
        List<LocalDate> create = new ArrayList<>();
        for (LocalDate day = today; !day.isAfter(today.plusDays(daysAhead)); day = day.plusDays(1)) {
            if (!have.contains(day)) {
                create.add(day);
            }
        }
        return new Changes(create, drop);
    }

    /** Whether all of {@code day} is older than {@code keep} at {@code now}. */
    public boolean expired(LocalDate day, Instant now) {
        return !IdDays.start(day.plusDays(1)).isAfter(now.minus(keep));
    }
}
