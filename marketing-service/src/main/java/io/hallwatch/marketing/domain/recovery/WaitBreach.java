package io.hallwatch.marketing.domain.recovery;

/** The SLA monitor found that this customer waited longer than the standard ({@code limitSeconds}). */
public record WaitBreach(long waitedSeconds, long limitSeconds) {
    public WaitBreach {
        if (waitedSeconds < 0 || limitSeconds < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** Whole minutes waited, rounded down: the figure the clerk says out loud. */
    public long waitedMinutes() {
        return waitedSeconds / 60;
    }

    public long limitMinutes() {
        return limitSeconds / 60;
    }
}
