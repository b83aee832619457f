package io.hallwatch.counter.service.report;

import io.hallwatch.counter.domain.report.BranchFilter;
import io.hallwatch.counter.domain.report.DailyReport;
import io.hallwatch.counter.store.report.DailyReportStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/** A clerk's day from the records their shifts left, counted only in the branches the caller may see. */
@ApplicationScoped
public class DailyReportService {

    private final DailyReportStore store;

    DailyReportService(DailyReportStore store) {
        this.store = store;
    }

    public DailyReport report(String clerkId, LocalDate day, BranchFilter branches) {
        return DailyReport.of(clerkId, day, store.finishedServices(clerkId, day, branches),
                store.pausedSecondsByReason(clerkId, day, branches), (int) store.noShows(clerkId, day, branches));
    }
}
