package io.hallwatch.marketing.store.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The conversion figures the metrics read at scrape time, in a transaction of their own: a scrape
 * runs outside any request or transaction of the service.
 */
@ApplicationScoped
public class ConversionFigures {

    private final Clock clock;

    ConversionFigures(Clock clock) {
        this.clock = clock;
    }

    /** Per branch, the counter outcomes recorded since {@code since} (platform clock). */
    @Transactional
    public List<BranchConversion> since(Instant since) {
        Duration window = Duration.between(since, clock.instant());
        return RecommendationEntity.conversionSince(since, window.isNegative() ? Duration.ZERO : window);
    }
}
