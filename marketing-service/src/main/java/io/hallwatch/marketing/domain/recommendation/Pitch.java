package io.hallwatch.marketing.domain.recommendation;

import java.util.Objects;

/** What the clerk says and how long it may take; {@code demoStep} only in the full form. */
public record Pitch(PitchForm form, String text, String demoStep, int timeBudgetSeconds) {
    public Pitch {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(text, "text");
        if (timeBudgetSeconds <= 0) {
            throw new IllegalArgumentException("a pitch needs a positive time budget");
        }
    }
}
