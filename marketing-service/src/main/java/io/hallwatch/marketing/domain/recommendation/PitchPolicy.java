package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.hall.HallLoad;

import java.util.Optional;

/**
 * 忙时一句话，闲时一段话: busy hall, one sentence and a few seconds; quiet hall, the full script and
 * the demonstration. A customer who waited longer than the standard gets the apology first and, at
 * most, the one sentence; in a busy hall, nothing at all (no hard sell after a long wait).
 */
public final class PitchPolicy {

    private final PitchSettings settings;

    public PitchPolicy(PitchSettings settings) {
        this.settings = settings;
    }

    /** The pitch for {@code offer}, or empty when the customer must not be pitched now. */
    public Optional<Pitch> pitch(Offer offer, HallLoad load, boolean waitedTooLong) {
        if (waitedTooLong && load.busy()) {
            return Optional.empty();
        }
        if (load.busy()) {
            return Optional.of(new Pitch(PitchForm.SHORT, offer.shortPitch(), null, shortBudget(load)));
        }
        if (waitedTooLong) {
            return Optional.of(new Pitch(PitchForm.SHORT, offer.shortPitch(), null, settings.shortSeconds()));
        }
        return Optional.of(new Pitch(PitchForm.FULL, offer.fullScript(), offer.demoStep(), settings.fullSeconds()));
    }

    /** shortSeconds at the threshold, shrinking in proportion as more wait, never below the minimum. */
    int shortBudget(HallLoad load) {
        double scaled = (double) settings.shortSeconds() * load.busyThreshold() / Math.max(load.waiting(), load.busyThreshold());
        return (int) Math.max(settings.minShortSeconds(), Math.min(settings.shortSeconds(), Math.round(scaled)));
    }
}
