package io.hallwatch.marketing.store.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The conversion figures the metrics read at scrape time, in a transaction of their own: a scrape
 * runs outside any request or transaction of the service.
 */
@ApplicationScoped
public class ConversionFigures {

    /** Per branch, the counter outcomes recorded since {@code since}. */
    @Transactional
    public List<BranchConversion> since(Instant since) {
        return RecommendationEntity.conversionSince(since);
    }
}
