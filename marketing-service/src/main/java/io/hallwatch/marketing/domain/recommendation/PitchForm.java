package io.hallwatch.marketing.domain.recommendation;

/** The two lengths of a pitch: one sentence for a busy hall, the script and a demo for a quiet one. */
public enum PitchForm {
    SHORT, FULL
}
