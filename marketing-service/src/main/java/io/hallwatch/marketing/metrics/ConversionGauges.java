package io.hallwatch.marketing.metrics;

import io.hallwatch.common.Failures;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.store.recommendation.BranchConversion;
import io.hallwatch.marketing.store.recommendation.ConversionFigures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code hallwatch_marketing_conversion_ratio{branch}}: of the offers pitched at a branch's counters
 * within the conversion window, the share the customer accepted there and then (NOT_PITCHED is no
 * pitch). Read from the database, so every replica reports the same figure and a restart loses
 * nothing; cached for a few seconds, so a scrape costs at most one query.
 */
@ApplicationScoped
public class ConversionGauges {
    private static final Logger LOG = Logger.getLogger(ConversionGauges.class);
    private static final Duration CACHE = Duration.ofSeconds(5);

    private final ConversionFigures figures;
    private final MeterRegistry registry;
    private final MarketingConfig config;
    private final Clock clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Double> ratios = Map.of();
    private volatile long readAtNanos = Long.MIN_VALUE;

    ConversionGauges(ConversionFigures figures, MeterRegistry registry, MarketingConfig config, Clock clock) {
        this.figures = figures;
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        refresh().keySet().forEach(this::register);
    }

    /** Makes sure the branch has its gauge; called when a branch records its first outcome. */
    public void register(String branchId) {
        if (registered.add(branchId)) {
            Gauge.builder("hallwatch.marketing.conversion.ratio", () -> ratio(branchId))
                    .description("Share of offers pitched at the counter, within the conversion window, that were accepted")
                    .tag("branch", branchId).strongReference(true).register(registry);
        }
    }

    double ratio(String branchId) {
        long now = System.nanoTime();
        if (readAtNanos == Long.MIN_VALUE || now - readAtNanos > CACHE.toNanos()) {
            refresh();
        }
        return ratios.getOrDefault(branchId, Double.NaN);
    }

    private synchronized Map<String, Double> refresh() {
        Instant since = clock.instant().minus(config.metrics().conversionWindow());
        try {
            Map<String, Double> fresh = new HashMap<>();
            for (BranchConversion c : figures.since(since)) {
                fresh.put(c.branchId(), c.pitched() == 0 ? Double.NaN : (double) c.accepted() / c.pitched());
            }
            ratios = fresh;
            readAtNanos = System.nanoTime();
        } catch (RuntimeException e) {
            // A scrape must not fail because the database is away: keep the last figures.
            LOG.warnf("Cannot read conversion figures: %s", Failures.describe(e));
        }
        return ratios;
    }
}
