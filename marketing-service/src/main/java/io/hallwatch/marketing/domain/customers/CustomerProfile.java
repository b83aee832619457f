package io.hallwatch.marketing.domain.customers;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the operator's CRM tells marketing about a customer, keyed by the opaque {@code customerRef}
 * a kiosk may put on the ticket. Deliberately no phone number, name or address: the counter needs
 * the customer's situation, not their identity.
 *
 * @param lastContacts marketing contacts the CRM knows of (any channel), for the contact cap and past declines
 */
public record CustomerProfile(String customerRef, String currentPlan, SpendBand spendBand, Long dataUsedMb,
                              Long dataAllowanceMb, boolean hasBroadband, LocalDate contractEnd, String groupRef,
                              boolean marketingOptOut, List<PastContact> lastContacts) {

    public CustomerProfile {
        Objects.requireNonNull(customerRef, "customerRef");
        lastContacts = lastContacts == null ? List.of() : List.copyOf(lastContacts);
    }

    /** Data used this month as a whole percentage of the allowance; empty where either is unknown. */
    public OptionalInt dataUsagePercent() {
        if (dataUsedMb == null || dataAllowanceMb == null || dataAllowanceMb <= 0) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, dataUsedMb * 100 / dataAllowanceMb));
    }

    /** Member of a group (enterprise) customer: the group V-network and enterprise products fit. */
    public boolean groupMember() {
        return groupRef != null && !groupRef.isBlank();
    }
}
