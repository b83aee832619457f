package io.hallwatch.queue.service.forecast;

import io.hallwatch.queue.domain.forecast.EtaAccuracy;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import io.hallwatch.queue.store.forecast.EtaRecords;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How well a branch's day was foretold: the estimate customers were given (the hall forecast) and,
 * on the same customers, what the earlier formula would have told them, in total, for customers
 * who had fewer than {@link #FEW_AHEAD} people ahead at issue (the target's scope), and per type.
 */
@ApplicationScoped
public class EtaAccuracyService {
    /** The target is judged on customers issued with fewer than this many people ahead. */
    public static final int FEW_AHEAD = 30;

    private final EtaRecords records;
    private final CatalogueService catalogue;

    EtaAccuracyService(EtaRecords records, CatalogueService catalogue) {
        this.records = records;
        this.catalogue = catalogue;
    }

    /** Both estimators over one set of customers; {@code basic} only over those where it was kept. */
    public record Figures(EtaAccuracy forecast, EtaAccuracy basic) {
        static Figures of(List<EtaRecords.Called> called) {
            return new Figures(EtaAccuracy.of(called.stream().map(c -> new EtaAccuracy.Prediction(c.estimatedSeconds(), c.waitedSeconds())).toList()),
                    EtaAccuracy.of(called.stream().filter(c -> c.basicSeconds() != null)
                            .map(c -> new EtaAccuracy.Prediction(c.basicSeconds(), c.waitedSeconds())).toList()));
        }
    }

    public record Report(String branchId, LocalDate date, Figures total, Figures fewAhead, Map<String, Figures> byBusinessType) {
    }

    public Report report(String branchId, LocalDate day) {
        catalogue.branch(branchId); // 404 for a branch that does not exist
        List<EtaRecords.Called> called = records.calledOn(branchId, day);
        Predicate<EtaRecords.Called> fewAhead = c -> c.peopleAhead() != null && c.peopleAhead() < FEW_AHEAD;
        Map<String, Figures> byType = new TreeMap<>();
        called.stream().collect(Collectors.groupingBy(EtaRecords.Called::businessType))
                .forEach((type, rows) -> byType.put(type, Figures.of(rows)));
        return new Report(branchId, day, Figures.of(called), Figures.of(called.stream().filter(fewAhead).toList()), byType);
    }
}
