package io.hallwatch.counter.service.report;

import io.hallwatch.counter.domain.report.BranchFilter;
import io.hallwatch.counter.domain.report.DailyReport;
import io.hallwatch.counter.store.report.DailyReportStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/** A clerk's day from the records their shifts left, counted only in the branches the caller may see. */
@ApplicationScoped
public class DailyReportService {

    private final DailyReportStore store;

    DailyReportService(DailyReportStore store) {
        this.store = store;
    }

    /** Every clerk's day at one branch, counting only that branch's records. */
    public List<DailyReport> branchReports(String branchId, LocalDate day) {
        BranchFilter only = BranchFilter.only(List.of(branchId));
        return store.clerksOf(branchId, day).stream().map(clerk -> report(clerk, day, only)).toList();
    }

    public DailyReport report(String clerkId, LocalDate day, BranchFilter branches) {
        return DailyReport.of(clerkId, day, store.finishedServices(clerkId, day, branches),
                store.pausedSecondsByReason(clerkId, day, branches), (int) store.noShows(clerkId, day, branches));
    }
}
