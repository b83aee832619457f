package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.catalogue.BroadbandCondition;
import io.hallwatch.marketing.domain.catalogue.Eligibility;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.Contact;
import io.hallwatch.marketing.domain.customers.ContactHistory;
import io.hallwatch.marketing.domain.customers.ContactResult;
import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.SpendBand;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A small catalogue shaped like the sample one, and customers to test it on. */
final class Fixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 09:30 in Guangzhou. */
    static final Instant NOW = Instant.parse("2026-11-24T01:30:00Z");
    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final ContactRules RULES = new ContactRules(3, Duration.ofDays(30), 2, Duration.ofDays(90), 20);

    static final Offer DATA = offer("DATA-10G", 10, new Eligibility(80, null, false, null, null), "PAYMENT", "GENERAL", "CONSULT");
    static final Offer MMS = offer("MMS-PACK", 0, Eligibility.none(), "GENERAL", "CONSULT", "COMPLAINT");
    static final Offer CRBT = offer("CRBT", 0, Eligibility.none(), "PAYMENT", "GENERAL", "NEW_LINE");
    static final Offer VIDEO = offer("MOBILE-VIDEO", 0, new Eligibility(null, null, false, SpendBand.MEDIUM, null), "NEW_LINE", "CONSULT");
    static final Offer BROADBAND = offer("BROADBAND-100M", 5, new Eligibility(null, BroadbandCondition.WITHOUT, false, null, null), "NEW_LINE", "GENERAL", "CONSULT");
    static final Offer VNET = offer("GROUP-VNET", 5, new Eligibility(null, null, true, null, null), "GENERAL", "NEW_LINE");
    static final List<Offer> CATALOGUE = List.of(DATA, MMS, CRBT, VIDEO, BROADBAND, VNET);

    private Fixtures() {
    }

    static Offer offer(String code, int priority, Eligibility eligibility, String... businessTypes) {
        return new Offer(code, code, code, "CAT", code + ": one sentence.", code + ": the full script.",
                code + ": the demo.", Set.of(businessTypes), eligibility, priority, FROM, null);
    }

    static CustomerProfile profile(String ref) {
        return new CustomerProfile(ref, "PLAN-58", SpendBand.LOW, 1_000L, 10_000L, true, null, null, false, List.of());
    }

    static CustomerProfile heavyDataUser() {
        return new CustomerProfile("HEAVY", "PLAN-58", SpendBand.LOW, 9_500L, 10_000L, true, null, null, false, List.of());
    }

    static CustomerProfile optedOut() {
        return new CustomerProfile("OUT", "PLAN-58", SpendBand.HIGH, 12_000L, 10_000L, false, null, "G", true, List.of());
    }

    static ContactHistory history(Contact... contacts) {
        return new ContactHistory(Arrays.asList(contacts));
    }

    static Contact daysAgo(long days, String offer, ContactResult result) {
        return new Contact(NOW.minus(Duration.ofDays(days)), offer, result);
    }
}
