package io.hallwatch.marketing.domain.catalogue;

import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.SpendBand;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who an offer is for, as conditions on the customer's profile. Each condition that is set must
 * hold; an offer with no condition fits anyone, even a customer the CRM does not know.
 *
 * @param minDataUsagePercent    data used this month as a share of the allowance, at least (a data bundle for heavy users)
 * @param broadband              with or without home broadband
 * @param groupMembersOnly       only for members of a group (enterprise) customer
 * @param minSpendBand           monthly spend band at least this
 * @param contractEndsWithinDays the contract ends within this many days (a renewal offer)
 */
public record Eligibility(Integer minDataUsagePercent, BroadbandCondition broadband, boolean groupMembersOnly,
                          SpendBand minSpendBand, Integer contractEndsWithinDays) {

    public Eligibility {
        broadband = broadband == null ? BroadbandCondition.ANY : broadband;
        if (minDataUsagePercent != null && minDataUsagePercent < 0) {
            throw new IllegalArgumentException("minDataUsagePercent must not be negative");
        }
        if (contractEndsWithinDays != null && contractEndsWithinDays < 0) {
            throw new IllegalArgumentException("contractEndsWithinDays must not be negative");
        }
    }

    public static Eligibility none() {
        return new Eligibility(null, BroadbandCondition.ANY, false, null, null);
    }

    /** How many conditions the offer sets; each one the customer meets is a sign of real need. */
    public int conditionCount() {
        int n = 0;
        n += minDataUsagePercent != null ? 1 : 0;
        n += broadband != BroadbandCondition.ANY ? 1 : 0;
        n += groupMembersOnly ? 1 : 0;
        n += minSpendBand != null ? 1 : 0;
        n += contractEndsWithinDays != null ? 1 : 0;
        return n;
    }

    /** Whether a customer without a CRM profile can be offered this: only when nothing is asked of the profile. */
    public boolean needsProfile() {
        return conditionCount() > 0;
    }

    /** Whether {@code profile} (null: unknown customer) meets every condition on {@code today}. */
    public boolean admits(CustomerProfile profile, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (profile == null) {
            return !needsProfile();
        }
        if (minDataUsagePercent != null
                && profile.dataUsagePercent().orElse(-1) < minDataUsagePercent) {
            return false;
        }
        if (broadband == BroadbandCondition.WITH && !profile.hasBroadband()
                || broadband == BroadbandCondition.WITHOUT && profile.hasBroadband()) {
            return false;
        }
        if (groupMembersOnly && !profile.groupMember()) {
            return false;
        }
        if (minSpendBand != null && (profile.spendBand() == null || !profile.spendBand().atLeast(minSpendBand))) {
            return false;
        }
        if (contractEndsWithinDays != null) {
            LocalDate end = profile.contractEnd();
            return end != null && !end.isBefore(today) && !end.isAfter(today.plusDays(contractEndsWithinDays));
        }
        return true;
    }
}
