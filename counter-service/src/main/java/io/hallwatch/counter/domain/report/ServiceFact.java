package io.hallwatch.counter.domain.report;

/** One finished service, as the report counts it. */
public record ServiceFact(String businessType, long handlingSeconds, int limitSeconds) {
}
