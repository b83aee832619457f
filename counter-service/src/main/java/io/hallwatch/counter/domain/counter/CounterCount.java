package io.hallwatch.counter.domain.counter;

/** How many counters of a branch are in one status. */
public record CounterCount(String branchId, CounterStatus status, long count) {
}
