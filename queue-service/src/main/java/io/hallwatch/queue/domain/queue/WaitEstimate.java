package io.hallwatch.queue.domain.queue;

/**
 * Where a waiting ticket stands among those of its type and how long it should still wait:
 * {@code position} 1 is next, {@code peopleAhead} = position - 1, {@code minutes} from {@link WaitEstimator}.
 */
public record WaitEstimate(int position, int peopleAhead, int minutes) {
}
