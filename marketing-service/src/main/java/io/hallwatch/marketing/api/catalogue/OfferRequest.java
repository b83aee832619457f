package io.hallwatch.marketing.api.catalogue;

import io.hallwatch.marketing.domain.catalogue.BroadbandCondition;
import io.hallwatch.marketing.domain.catalogue.Eligibility;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.SpendBand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import static io.hallwatch.marketing.api.Formats.BUSINESS_TYPE;
import static io.hallwatch.marketing.api.Formats.CATEGORY;

/**
 * A catalogue entry as marketing staff send it. The short pitch is capped at one sentence's length:
 * in a busy hall the clerk has seconds, not a paragraph.
 */
public record OfferRequest(
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Size(max = 80) String nameZh,
        @NotNull @Pattern(regexp = CATEGORY) String category,
        @NotBlank @Size(max = 120) String shortPitch,
        @NotBlank @Size(max = 2000) String fullScript,
        @Size(max = 500) String demoStep,
        @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = BUSINESS_TYPE) String> businessTypes,
        @Valid EligibilityRequest eligibility,
        @Min(0) @Max(50) int priority,
        @NotNull LocalDate validFrom,
        LocalDate validTo) {

    public record EligibilityRequest(@Min(0) @Max(1000) Integer minDataUsagePercent, BroadbandCondition broadband,
                                     Boolean groupMembersOnly, SpendBand minSpendBand,
                                     @Min(0) @Max(3650) Integer contractEndsWithinDays) {
        Eligibility toDomain() {
            return new Eligibility(minDataUsagePercent, broadband, Boolean.TRUE.equals(groupMembersOnly), minSpendBand,
                    contractEndsWithinDays);
        }
    }

    Offer toDomain(String code) {
        return new Offer(code, name, nameZh, category, shortPitch, fullScript, demoStep, new HashSet<>(businessTypes),
                eligibility == null ? Eligibility.none() : eligibility.toDomain(), priority, validFrom, validTo);
    }
}
