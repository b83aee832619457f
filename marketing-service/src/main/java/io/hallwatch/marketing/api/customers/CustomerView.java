package io.hallwatch.marketing.api.customers;

import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.PastContact;
import io.hallwatch.marketing.domain.customers.SpendBand;

import java.time.LocalDate;
import java.util.List;

/** A customer profile as the API shows it: the situation, never the identity. */
public record CustomerView(String customerRef, String currentPlan, SpendBand spendBand, Long dataUsedMb,
                           Long dataAllowanceMb, Integer dataUsagePercent, boolean hasBroadband, LocalDate contractEnd,
                           String groupRef, boolean marketingOptOut, List<PastContact> lastContacts) {
    static CustomerView of(CustomerProfile p) {
        return new CustomerView(p.customerRef(), p.currentPlan(), p.spendBand(), p.dataUsedMb(), p.dataAllowanceMb(),
                p.dataUsagePercent().isPresent() ? p.dataUsagePercent().getAsInt() : null, p.hasBroadband(),
                p.contractEnd(), p.groupRef(), p.marketingOptOut(), p.lastContacts());
    }
}
