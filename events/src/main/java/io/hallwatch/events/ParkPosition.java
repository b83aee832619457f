package io.hallwatch.events;

/**
 * Where a parked visit goes back in its queue: at the {@code FRONT} (the next call of its type), at
 * the {@code BACK} (behind everyone waiting now), or by its {@code ORIGINAL} issue time (as if it had
 * never been called: Qmatic Orchestra's "recycle", Qminder's returnToQueue).
 */
public enum ParkPosition {
    FRONT, BACK, ORIGINAL
}
