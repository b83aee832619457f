package io.hallwatch.queue.domain.handling;

/**
 * The rolling mean handling time of one business type at one branch: an exponentially weighted
 * mean of finished services, starting from the type's limit in the service standard as the prior
 * until there is data. Recent services weigh most, so a slow afternoon shows in the estimates.
 */
public record HandlingTime(double meanSeconds, long samples) {
    /** Weight of the newest service: about the last ten services dominate the mean. */
    public static final double ALPHA = 0.1;
    /** A single service longer than this many times the mean is capped, so one stuck counter does not skew it. */
    private static final double OUTLIER_FACTOR = 5.0;

    public static HandlingTime prior(double limitSeconds) {
        return new HandlingTime(limitSeconds, 0);
    }

    public HandlingTime observe(double handlingSeconds) {
        if (handlingSeconds < 0) {
            return this;
        }
        double capped = Math.min(handlingSeconds, meanSeconds * OUTLIER_FACTOR);
        double next = samples == 0 ? capped * 0.5 + meanSeconds * 0.5 : meanSeconds + ALPHA * (capped - meanSeconds);
        return new HandlingTime(Math.max(1.0, next), samples + 1);
    }
}
