package io.hallwatch.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * When customers come to a hall: a factor per local hour over the base rate, with the morning
 * peak (10–11) and the lunch peak (12–13) the branches see, quiet at opening and before closing.
 * Arrivals in an interval are Poisson with the profile's rate.
 */
public final class ArrivalProfile {
    /** Factor per local hour 0–23; 0 outside opening hours (09:00–18:00). */
    private static final double[] FACTOR = {
            0, 0, 0, 0, 0, 0, 0, 0, 0,
            0.8, 1.8, 1.3, 1.6, 1.2, 0.9, 1.0, 1.1, 0.7,
            0, 0, 0, 0, 0, 0};

    private ArrivalProfile() {
    }

    public static double factor(int localHour) {
        return FACTOR[localHour];
    }

    /** The base rate per hour that gives {@code ticketsPerDay} customers over the whole profile. */
    public static double basePerHour(double ticketsPerDay) {
        double hours = 0;
        for (double f : FACTOR) {
            hours += f;
        }
        return ticketsPerDay / hours;
    }

    /**
     * Expected arrivals between two local times of the same or following days, hour by hour: what
     * a branch should have issued by now, to compare with what the platform accepted.
     */
    public static double expectedBetween(double basePerHour, LocalDateTime from, LocalDateTime to) {
        double sum = 0;
        LocalDateTime t = from;
        while (t.isBefore(to)) {
            LocalDateTime next = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            LocalDateTime end = next.isBefore(to) ? next : to;
            sum += expected(basePerHour, t.getHour(), Duration.between(t, end).toMillis() / 1000.0);
            t = end;
        }
        return sum;
    }

    /** Expected arrivals in {@code seconds} at {@code localHour}, for a base rate per hour. */
    public static double expected(double basePerHour, int localHour, double seconds) {
        return basePerHour * factor(localHour) * seconds / 3600.0;
    }

    /** A Poisson draw with mean {@code mean} (Knuth; fine for the small means of one tick). */
    public static int poisson(double mean, Random random) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }
}
