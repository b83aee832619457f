package io.hallwatch.counter.domain.counter;

import java.time.Instant;

/** A pause as recorded when it began: why, and since when. */
public record PauseStart(String reason, Instant since) {
}
