package io.hallwatch.sla.api;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.sla.domain.policy.PolicyValidator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Query and path parameters read by hand, so that a malformed one is a 400 problem naming the
 * parameter, never a 404 or a 500 from a failed conversion.
 */
public final class Params {
    private Params() {
    }

    public static String branch(String name, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw ProblemException.badRequest("invalid-parameter", name + " is required");
            }
            return null;
        }
        if (!PolicyValidator.BRANCH_ID.matcher(value).matches()) {
            throw ProblemException.badRequest("invalid-parameter", name + " must be a branch id (letters, digits, '-' and '_'; up to 64)");
        }
        return value;
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", name + " must be an ISO-8601 instant such as 2026-11-24T01:00:00Z");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ProblemException.badRequest("invalid-parameter", name + " is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", name + " must be a date as YYYY-MM-DD");
        }
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-parameter", name + " must be a whole number from " + min + " to " + max);
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-parameter", name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
