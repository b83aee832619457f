package io.hallwatch.marketing.domain.catalogue;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A product the counter can recommend. {@code shortPitch} is the one sentence for a busy hall
 * (忙时一句话), {@code fullScript} and {@code demoStep} the paragraph and demonstration for a quiet
 * one (闲时一段话). {@code businessTypes} are the visits it fits naturally (见缝插针: the MMS bundle
 * after an MMS fault was fixed). {@code priority} (0–50) lets marketing push a product.
 */
public record Offer(String code, String name, String nameZh, String category, String shortPitch, String fullScript,
                    String demoStep, Set<String> businessTypes, Eligibility eligibility, int priority,
                    LocalDate validFrom, LocalDate validTo) {

    public Offer {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(shortPitch, "shortPitch");
        Objects.requireNonNull(fullScript, "fullScript");
        Objects.requireNonNull(validFrom, "validFrom");
        businessTypes = businessTypes == null ? Set.of() : Set.copyOf(businessTypes);
        eligibility = eligibility == null ? Eligibility.none() : eligibility;
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean fits(String businessType) {
        return businessTypes.contains(businessType);
    }
}
