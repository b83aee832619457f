package io.hallwatch.marketing.api.catalogue;

import io.hallwatch.marketing.domain.catalogue.BroadbandCondition;
import io.hallwatch.marketing.domain.catalogue.Eligibility;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.SpendBand;

import java.time.LocalDate;
import java.util.List;

/** An offer of the catalogue as the API shows it. */
public record OfferView(String code, String name, String nameZh, String category, String shortPitch,
                        String fullScript, String demoStep, List<String> businessTypes, EligibilityView eligibility,
                        int priority, LocalDate validFrom, LocalDate validTo) {

    public record EligibilityView(Integer minDataUsagePercent, BroadbandCondition broadband, Boolean groupMembersOnly,
                                  SpendBand minSpendBand, Integer contractEndsWithinDays) {
        static EligibilityView of(Eligibility e) {
            return new EligibilityView(e.minDataUsagePercent(), e.broadband(), e.groupMembersOnly(), e.minSpendBand(),
                    e.contractEndsWithinDays());
        }
    }

    public static OfferView of(Offer o) {
        return new OfferView(o.code(), o.name(), o.nameZh(), o.category(), o.shortPitch(), o.fullScript(), o.demoStep(),
                o.businessTypes().stream().sorted().toList(), EligibilityView.of(o.eligibility()), o.priority(),
                o.validFrom(), o.validTo());
    }
}
