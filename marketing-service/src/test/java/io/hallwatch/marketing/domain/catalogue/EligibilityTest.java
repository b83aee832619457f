package io.hallwatch.marketing.domain.catalogue;

import io.hallwatch.marketing.domain.customers.CustomerProfile;
import io.hallwatch.marketing.domain.customers.SpendBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EligibilityTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    static CustomerProfile profile(SpendBand band, Long used, Long allowance, boolean broadband, LocalDate contractEnd,
                                   String group) {
        return new CustomerProfile("C-1", "PLAN", band, used, allowance, broadband, contractEnd, group, false, List.of());
    }

    @Test
    void no_condition_admits_anyone_even_an_unknown_customer() {
        assertTrue(Eligibility.none().admits(null, TODAY));
        assertTrue(Eligibility.none().admits(profile(null, null, null, false, null, null), TODAY));
        assertFalse(Eligibility.none().needsProfile());
        assertEquals(0, Eligibility.none().conditionCount());
    }

    @Test
    void any_condition_needs_a_known_customer() {
        Eligibility e = new Eligibility(null, BroadbandCondition.WITHOUT, false, null, null);
        assertTrue(e.needsProfile());
        assertFalse(e.admits(null, TODAY));
    }

    @ParameterizedTest
    @CsvSource({"80,8000,10000,true", "80,8192,10240,true", "80,7999,10000,false", "100,12000,10000,true",
            "0,0,10000,true", "50,100,0,false"})
    void data_usage_is_a_share_of_the_allowance(int min, long used, long allowance, boolean admitted) {
        Eligibility e = new Eligibility(min, null, false, null, null);
        assertEquals(admitted, e.admits(profile(null, used, allowance, false, null, null), TODAY));
    }

    @Test
    void unknown_data_usage_does_not_qualify_for_a_data_offer() {
        Eligibility e = new Eligibility(80, null, false, null, null);
        assertFalse(e.admits(profile(null, null, 10_000L, false, null, null), TODAY));
        assertFalse(e.admits(profile(null, 9_000L, null, false, null, null), TODAY));
    }

    @ParameterizedTest
    @CsvSource({"WITH,true,true", "WITH,false,false", "WITHOUT,false,true", "WITHOUT,true,false", "ANY,true,true", "ANY,false,true"})
    void broadband_condition(BroadbandCondition condition, boolean hasBroadband, boolean admitted) {
        Eligibility e = new Eligibility(null, condition, false, null, null);
        assertEquals(admitted, e.admits(profile(null, null, null, hasBroadband, null, null), TODAY));
    }

    @Test
    void group_offers_are_for_group_members_only() {
        Eligibility e = new Eligibility(null, null, true, null, null);
        assertTrue(e.admits(profile(null, null, null, false, null, "GRP-1"), TODAY));
        assertFalse(e.admits(profile(null, null, null, false, null, null), TODAY));
        assertFalse(e.admits(profile(null, null, null, false, null, " "), TODAY));
    }

    @ParameterizedTest
    @CsvSource({"MEDIUM,LOW,false", "MEDIUM,MEDIUM,true", "MEDIUM,PREMIUM,true", "HIGH,MEDIUM,false"})
    void spend_band_at_least(SpendBand min, SpendBand actual, boolean admitted) {
        Eligibility e = new Eligibility(null, null, false, min, null);
        assertEquals(admitted, e.admits(profile(actual, null, null, false, null, null), TODAY));
    }

    @Test
    void an_unknown_spend_band_does_not_meet_a_minimum() {
        assertFalse(new Eligibility(null, null, false, SpendBand.LOW, null).admits(profile(null, null, null, false, null, null), TODAY));
    }

    @ParameterizedTest
    @CsvSource({"2026-11-24,true", "2026-12-24,true", "2026-12-25,false", "2026-11-23,false"})
    void contract_ending_soon(LocalDate end, boolean admitted) {
        Eligibility e = new Eligibility(null, null, false, null, 30);
        assertEquals(admitted, e.admits(profile(null, null, null, false, end, null), TODAY));
        assertFalse(e.admits(profile(null, null, null, false, null, null), TODAY));
    }

    @Test
    void all_conditions_must_hold_and_count() {
        Eligibility e = new Eligibility(80, BroadbandCondition.WITHOUT, true, SpendBand.MEDIUM, null);
        assertEquals(4, e.conditionCount());
        assertTrue(e.admits(profile(SpendBand.HIGH, 9000L, 10000L, false, null, "G"), TODAY));
        assertFalse(e.admits(profile(SpendBand.HIGH, 9000L, 10000L, true, null, "G"), TODAY));
    }

    @Test
    void negative_thresholds_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Eligibility(-1, null, false, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Eligibility(null, null, false, null, -1));
    }
}
