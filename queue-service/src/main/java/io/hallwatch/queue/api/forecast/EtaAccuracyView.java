package io.hallwatch.queue.api.forecast;

import io.hallwatch.queue.domain.forecast.EtaAccuracy;
import io.hallwatch.queue.service.forecast.EtaAccuracyService;

import java.time.LocalDate;
import java.util.List;

/**
 * A branch's day as foretold: for the estimate customers were given ({@code forecast}, the hall
 * played forward) and what the earlier formula ({@code basic}) would have told the same customers,
 * the called customers, the mean absolute error, the share within ±3 minutes and the bias (actual
 * minus estimate; positive: customers waited longer than told), all in seconds. {@code fewerThan30Ahead}
 * counts only customers issued with fewer than 30 people ahead, the scope of the ±3 minutes target.
 */
public record EtaAccuracyView(String branchId, LocalDate date, int toleranceSeconds, Figures total, Figures fewerThan30Ahead,
                              List<TypeFigures> businessTypes) {

    public record Accuracy(long called, double meanAbsoluteErrorSeconds, double withinToleranceShare, double biasSeconds) {
        static Accuracy of(EtaAccuracy a) {
            return new Accuracy(a.called(), round(a.meanAbsoluteErrorSeconds()), Math.round(a.withinToleranceShare() * 1000) / 1000.0,
                    round(a.biasSeconds()));
        }

        private static double round(double seconds) {
            return Math.round(seconds * 10) / 10.0;
        }
    }

    public record Figures(Accuracy forecast, Accuracy basic) {
        static Figures of(EtaAccuracyService.Figures f) {
            return new Figures(Accuracy.of(f.forecast()), Accuracy.of(f.basic()));
        }
    }

    public record TypeFigures(String businessType, Accuracy forecast, Accuracy basic) {
    }

    static EtaAccuracyView of(EtaAccuracyService.Report r) {
        return new EtaAccuracyView(r.branchId(), r.date(), (int) EtaAccuracy.TOLERANCE.toSeconds(), Figures.of(r.total()),
                Figures.of(r.fewAhead()), r.byBusinessType().entrySet().stream()
                .map(e -> new TypeFigures(e.getKey(), Accuracy.of(e.getValue().forecast()), Accuracy.of(e.getValue().basic()))).toList());
    }
}
