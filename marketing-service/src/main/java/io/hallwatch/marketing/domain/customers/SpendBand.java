package io.hallwatch.marketing.domain.customers;

/** The customer's monthly spend band as the CRM grades it; ordered from lowest to highest. */
public enum SpendBand {
    LOW, MEDIUM, HIGH, PREMIUM;

    public boolean atLeast(SpendBand other) {
        return compareTo(other) >= 0;
    }
}
