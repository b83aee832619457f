package io.hallwatch.counter.api.report;

import io.hallwatch.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code date} query parameter of the reports: a branch-local day, or 400 invalid-date. */
final class ReportDay {
    private ReportDay() {
    }

    static LocalDate parse(String date) {
        try {
            return LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-date", "date must be a day like 2026-11-23");
        }
    }
}
