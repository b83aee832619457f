package io.hallwatch.marketing.domain.customers;

/** Why one field of one imported row was refused; {@code row} counts data rows from 1. */
public record ImportViolation(int row, String field, String message) {
}
