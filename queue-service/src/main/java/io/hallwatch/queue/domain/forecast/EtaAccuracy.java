package io.hallwatch.queue.domain.forecast;

import java.time.Duration;
import java.util.Collection;

/**
 * How well waits were foretold: over the customers called, the mean absolute error of the estimate
 * they were given at issue against the wait they then had (issue to first call), the share within
 * {@link #TOLERANCE}, and the bias (mean of actual minus estimate: positive when customers wait
 * longer than they were told).
 */
public record EtaAccuracy(long called, double meanAbsoluteErrorSeconds, double withinToleranceShare, double biasSeconds) {
    /** What queue vendors promise, and this platform's target: within three minutes either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(3);

    /** One customer: the wait foretold at issue and the wait they had, in seconds. */
    public record Prediction(long estimatedSeconds, long waitedSeconds) {
        long error() {
            return waitedSeconds - estimatedSeconds;
        }
    }

    public static EtaAccuracy of(Collection<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return new EtaAccuracy(0, 0, 0, 0);
        }
        long absolute = 0;
        long signed = 0;
        long within = 0;
        for (Prediction p : predictions) {
            long e = p.error();
            absolute += Math.abs(e);
            signed += e;
            if (Math.abs(e) <= TOLERANCE.toSeconds()) {
                within++;
            }
        }
        int n = predictions.size();
        return new EtaAccuracy(n, (double) absolute / n, (double) within / n, (double) signed / n);
    }
}
