package io.hallwatch.marketing.domain.recommendation;

/**
 * The time budgets of the two pitch forms. The short budget shrinks as the queue grows past the
 * busy threshold, down to {@code minShortSeconds}: the more wait, the less a clerk may talk.
 */
public record PitchSettings(int shortSeconds, int minShortSeconds, int fullSeconds) {
    public PitchSettings {
        if (minShortSeconds < 1 || shortSeconds < minShortSeconds || fullSeconds < shortSeconds) {
            throw new IllegalArgumentException("need 1 <= minShortSeconds <= shortSeconds <= fullSeconds, got "
                    + minShortSeconds + ", " + shortSeconds + ", " + fullSeconds);
        }
    }
}
