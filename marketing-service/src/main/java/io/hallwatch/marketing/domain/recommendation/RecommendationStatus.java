package io.hallwatch.marketing.domain.recommendation;

/** SERVING while the customer is at the counter; FINISHED after; SUPERSEDED when new facts gave new advice. */
public enum RecommendationStatus {
    SERVING, FINISHED, SUPERSEDED
}
