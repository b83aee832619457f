package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.catalogue.Eligibility;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.customers.ContactHistory;
import io.hallwatch.marketing.domain.customers.ContactResult;
import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.SpendBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.hallwatch.marketing.domain.recommendation.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NextBestOfferTest {

    private final NextBestOffer rules = new NextBestOffer(RULES, ZONE);

    private OfferDecision decide(CustomerProfile p, ContactHistory h, String businessType) {
        return rules.decide(p, h, businessType, CATALOGUE, NOW);
    }

    private String best(CustomerProfile p, ContactHistory h, String businessType) {
        OfferDecision d = decide(p, h, businessType);
        return d.offer().map(s -> s.offer().code()).orElseGet(() -> d.reason().name());
    }

    @Test
    void an_opted_out_customer_gets_nothing_however_good_the_fit() {
        OfferDecision d = decide(optedOut(), ContactHistory.empty(), "PAYMENT");
        assertEquals(NoOfferReason.OPTED_OUT, d.reason());
        assertTrue(d.ranked().isEmpty());
    }

    @Test
    void the_contact_cap_stops_marketing_within_its_window() {
        ContactHistory three = history(daysAgo(1, "CRBT", ContactResult.DECLINED), daysAgo(10, null, null),
                daysAgo(29, "MMS-PACK", ContactResult.INTERESTED));
        assertEquals("CONTACT_CAP", best(heavyDataUser(), three, "PAYMENT"));
    }

    @Test
    void contacts_older_than_the_window_do_not_count_towards_the_cap() {
        ContactHistory old = history(daysAgo(1, null, null), daysAgo(10, null, null), daysAgo(31, null, null));
        assertEquals("DATA-10G", best(heavyDataUser(), old, "PAYMENT"));
    }

    @Test
    void contacts_in_the_future_of_the_service_do_not_count() {
        ContactHistory future = history(daysAgo(-1, null, null), daysAgo(-2, null, null), daysAgo(-3, null, null));
        assertEquals("DATA-10G", best(heavyDataUser(), future, "PAYMENT"));
    }

    @Test
    void the_cap_applies_to_a_customer_known_only_by_their_history() {
        ContactHistory three = history(daysAgo(1, null, null), daysAgo(2, null, null), daysAgo(3, null, null));
        assertEquals("CONTACT_CAP", best(null, three, "GENERAL"));
    }

    @Test
    void a_heavy_data_user_paying_a_bill_is_offered_the_data_bundle() {
        OfferDecision d = decide(heavyDataUser(), ContactHistory.empty(), "PAYMENT");
        assertEquals("DATA-10G", d.best().offer().code());
        // fit 40 + one condition 15 + priority 10; not over the allowance
        assertEquals(65, d.best().score());
    }

    @Test
    void using_more_than_the_allowance_adds_to_the_data_offer() {
        CustomerProfile over = new CustomerProfile("O", null, SpendBand.LOW, 12_000L, 10_000L, true, null, null, false, List.of());
        assertEquals(75, decide(over, ContactHistory.empty(), "PAYMENT").best().score());
    }

    @Test
    void the_mms_bundle_follows_an_mms_complaint() {
        assertEquals("MMS-PACK", best(profile("C"), ContactHistory.empty(), "COMPLAINT"));
    }

    @Test
    void an_unknown_customer_is_offered_only_what_needs_no_profile() {
        OfferDecision d = decide(null, ContactHistory.empty(), "NEW_LINE");
        assertEquals("CRBT", d.best().offer().code());
        assertTrue(d.ranked().stream().allMatch(s -> !s.offer().eligibility().needsProfile()));
    }

    @Test
    void a_customer_without_broadband_buying_a_line_is_offered_broadband() {
        CustomerProfile noBroadband = new CustomerProfile("B", null, SpendBand.LOW, null, null, false, null, null, false, List.of());
        assertEquals("BROADBAND-100M", best(noBroadband, ContactHistory.empty(), "NEW_LINE"));
    }

    @Test
    void a_group_member_is_offered_the_group_v_network() {
        CustomerProfile member = new CustomerProfile("G", null, SpendBand.LOW, null, null, true, null, "GRP-ACME", false, List.of());
        assertEquals("GROUP-VNET", best(member, ContactHistory.empty(), "GENERAL"));
    }

    @Test
    void an_offer_the_customer_took_before_is_not_offered_again() {
        ContactHistory took = history(daysAgo(200, "DATA-10G", ContactResult.ACCEPTED));
        OfferDecision d = decide(heavyDataUser(), took, "PAYMENT");
        assertEquals("CRBT", d.best().offer().code());
        assertTrue(d.ranked().stream().noneMatch(s -> s.offer().code().equals("DATA-10G")));
    }

    @Test
    void one_recent_decline_lowers_the_score_two_remove_the_offer() {
        ContactHistory once = history(daysAgo(40, "DATA-10G", ContactResult.DECLINED));
        OfferDecision d1 = decide(heavyDataUser(), once, "PAYMENT");
        assertEquals("DATA-10G", d1.best().offer().code());
        assertEquals(45, d1.best().score());

        ContactHistory twice = history(daysAgo(40, "DATA-10G", ContactResult.DECLINED), daysAgo(80, "DATA-10G", ContactResult.DECLINED));
        assertEquals("CRBT", best(heavyDataUser(), twice, "PAYMENT"));
    }

    @Test
    void declines_older_than_the_decline_window_are_forgiven() {
        ContactHistory old = history(daysAgo(100, "DATA-10G", ContactResult.DECLINED), daysAgo(120, "DATA-10G", ContactResult.DECLINED));
        OfferDecision d = decide(heavyDataUser(), old, "PAYMENT");
        assertEquals("DATA-10G", d.best().offer().code());
        assertEquals(65, d.best().score());
    }

    @Test
    void a_pending_interest_lowers_the_offer_because_a_follow_up_is_on_it() {
        ContactHistory interested = history(daysAgo(2, "DATA-10G", ContactResult.INTERESTED));
        assertEquals(55, decide(heavyDataUser(), interested, "PAYMENT").best().score());
    }

    @Test
    void an_offer_outside_its_validity_is_not_offered() {
        Offer expired = new Offer("OLD", "O", "O", "C", "s", "f", null, Set.of("PAYMENT"), Eligibility.none(), 50,
                LocalDate.parse("2025-01-01"), LocalDate.parse("2026-11-23"));
        Offer future = new Offer("NEW", "N", "N", "C", "s", "f", null, Set.of("PAYMENT"), Eligibility.none(), 50,
                LocalDate.parse("2026-11-25"), null);
        Offer today = new Offer("TODAY", "T", "T", "C", "s", "f", null, Set.of("PAYMENT"), Eligibility.none(), 0,
                LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24"));
        OfferDecision d = rules.decide(profile("C"), ContactHistory.empty(), "PAYMENT", List.of(expired, future, today), NOW);
        assertEquals(List.of("TODAY"), d.ranked().stream().map(s -> s.offer().code()).toList());
    }

    @Test
    void validity_is_judged_on_the_branch_local_date() {
        // 2026-11-24T17:00Z is already the 25th in Guangzhou.
        Offer from25th = new Offer("NEW", "N", "N", "C", "s", "f", null, Set.of("PAYMENT"), Eligibility.none(), 0,
                LocalDate.parse("2026-11-25"), null);
        assertTrue(rules.decide(null, ContactHistory.empty(), "PAYMENT", List.of(from25th),
                java.time.Instant.parse("2026-11-24T17:00:00Z")).offer().isPresent());
        assertFalse(rules.decide(null, ContactHistory.empty(), "PAYMENT", List.of(from25th),
                java.time.Instant.parse("2026-11-24T15:00:00Z")).offer().isPresent());
    }

    @Test
    void an_offer_that_fits_neither_the_visit_nor_a_need_scores_under_the_minimum() {
        Offer unrelated = offer("UNRELATED", 0, Eligibility.none(), "BROADBAND");
        OfferDecision d = rules.decide(profile("C"), ContactHistory.empty(), "PAYMENT", List.of(unrelated), NOW);
        assertEquals(NoOfferReason.NO_ELIGIBLE_OFFER, d.reason());
    }

    @Test
    void a_strong_push_can_carry_an_offer_outside_the_visit() {
        Offer pushed = offer("PUSHED", 25, Eligibility.none(), "BROADBAND");
        OfferDecision d = rules.decide(profile("C"), ContactHistory.empty(), "PAYMENT", List.of(pushed), NOW);
        assertEquals("PUSHED", d.best().offer().code());
    }

    @Test
    void ties_go_to_the_lower_code_so_the_answer_is_stable() {
        Offer b = offer("B-OFFER", 0, Eligibility.none(), "PAYMENT");
        Offer a = offer("A-OFFER", 0, Eligibility.none(), "PAYMENT");
        assertEquals("A-OFFER", rules.decide(null, ContactHistory.empty(), "PAYMENT", List.of(b, a), NOW).best().offer().code());
        assertEquals("A-OFFER", rules.decide(null, ContactHistory.empty(), "PAYMENT", List.of(a, b), NOW).best().offer().code());
    }

    @Test
    void an_empty_catalogue_means_no_offer() {
        assertEquals(NoOfferReason.NO_ELIGIBLE_OFFER, rules.decide(null, ContactHistory.empty(), "PAYMENT", List.of(), NOW).reason());
    }

    @ParameterizedTest
    @CsvSource({"PAYMENT,DATA-10G", "GENERAL,DATA-10G", "CONSULT,DATA-10G", "NEW_LINE,CRBT", "COMPLAINT,MMS-PACK",
            "BROADBAND,DATA-10G"})
    void the_visit_steers_the_offer_for_a_heavy_data_user(String businessType, String expected) {
        assertEquals(expected, best(heavyDataUser(), ContactHistory.empty(), businessType));
    }

    @Test
    void a_cap_of_one_with_a_short_window() {
        NextBestOffer strict = new NextBestOffer(new ContactRules(1, Duration.ofDays(7), 1, Duration.ofDays(30), 20), ZONE);
        assertEquals(NoOfferReason.CONTACT_CAP, strict.decide(heavyDataUser(), history(daysAgo(6, null, null)), "PAYMENT", CATALOGUE, NOW).reason());
        OfferDecision d = strict.decide(heavyDataUser(), history(daysAgo(8, "DATA-10G", ContactResult.DECLINED)), "PAYMENT", CATALOGUE, NOW);
        assertEquals("CRBT", d.best().offer().code());
        assertNull(d.reason());
    }
}
