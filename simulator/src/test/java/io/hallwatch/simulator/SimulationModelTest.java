package io.hallwatch.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationModelTest {

    /** A catalogue as the queue answers it: limits from the service standard, a type the mix does not know. */
    private static final String CATALOGUE = """
            [{"code":"PAYMENT","prefix":"A","handlingLimitSeconds":120},{"code":"GENERAL","handlingLimitSeconds":300},
             {"code":"NEW_LINE","handlingLimitSeconds":480},{"code":"BROADBAND","handlingLimitSeconds":600},
             {"code":"SIM","handlingLimitSeconds":300},{"code":"CLOSE_ACCOUNT","handlingLimitSeconds":600},
             {"code":"COMPLAINT","handlingLimitSeconds":900},{"code":"CONSULT","handlingLimitSeconds":300},
             {"code":"VIP_SERVICE","handlingLimitSeconds":1200}]""";
    private static final CustomerMix MIX = mix(CATALOGUE);

    private static CustomerMix mix(String json) {
        try {
            return CustomerMix.fromCatalogue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_handling_limits_are_the_catalogues_own() {
        assertEquals(1200, MIX.limitSeconds("VIP_SERVICE"));
        assertEquals(120, MIX.limitSeconds("PAYMENT"));
        assertEquals(9, MIX.businessTypes().size());
        CustomerMix longPayments = mix("[{\"code\":\"PAYMENT\",\"handlingLimitSeconds\":1000}]");
        Random random = new Random(3);
        double mean = java.util.stream.IntStream.range(0, 10_000)
                .mapToLong(i -> longPayments.handlingTime("PAYMENT", random).toSeconds()).average().orElseThrow();
        assertTrue(mean > 550 && mean < 700, "about 0.6 x 1000 s: " + mean);
        assertEquals("PAYMENT", longPayments.businessType(random), "only what the catalogue offers");
    }

    @Test
    void a_catalogue_without_limits_is_refused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> mix("[{\"code\":\"PAYMENT\"}]"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> mix("[]"));
    }

    @Test
    void the_business_mix_adds_up_and_is_drawn_in_its_shares() {
        assertEquals(1.0, CustomerMix.SHARE.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        Random random = new Random(1);
        Map<String, Integer> counts = new HashMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts.merge(MIX.businessType(random), 1, Integer::sum);
        }
        CustomerMix.SHARE.forEach((type, share) -> assertEquals(share, counts.get(type) / (double) n, 0.01, type));
    }

    @Test
    void about_one_service_in_ten_overruns_its_limit() {
        Random random = new Random(2);
        int over = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            Duration d = MIX.handlingTime("PAYMENT", random);
            if (d.toSeconds() > 120) {
                over++;
            }
        }
        assertEquals(0.10, over / (double) n, 0.015);
    }

    @Test
    void arrivals_peak_in_the_morning_and_at_lunch_and_stop_outside_opening_hours() {
        assertEquals(0, ArrivalProfile.factor(8));
        assertEquals(0, ArrivalProfile.factor(18));
        assertTrue(ArrivalProfile.factor(10) > ArrivalProfile.factor(9));
        assertTrue(ArrivalProfile.factor(12) > ArrivalProfile.factor(11));
        assertTrue(ArrivalProfile.factor(17) < ArrivalProfile.factor(16));
    }

    @Test
    void a_day_of_the_profile_at_the_base_for_600_tickets_expects_600_tickets() {
        double base = ArrivalProfile.basePerHour(600);
        java.time.LocalDateTime day = java.time.LocalDateTime.of(2026, 11, 24, 0, 0);
        assertEquals(600, ArrivalProfile.expectedBetween(base, day, day.plusDays(1)), 1e-6);
        assertEquals(0, ArrivalProfile.expectedBetween(base, day, day.plusHours(9)), 1e-9);
        // 10:30-11:00 is half of the morning peak hour
        assertEquals(base * 1.8 / 2, ArrivalProfile.expectedBetween(base, day.plusHours(10).plusMinutes(30), day.plusHours(11)), 1e-9);
    }

    @Test
    void poisson_draws_have_the_asked_mean() {
        Random random = new Random(3);
        double mean = 0.7;
        long sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sum += ArrivalProfile.poisson(mean, random);
        }
        assertEquals(mean, sum / (double) n, 0.01);
        assertEquals(0, ArrivalProfile.poisson(0, random));
    }

    @Test
    void simulated_durations_become_shorter_real_delays() {
        SimClock clock = new SimClock(java.time.Instant.EPOCH, java.time.Instant.now(), 60);
        assertEquals(1000, clock.realMillis(Duration.ofMinutes(1)));
        assertEquals(1, clock.realMillis(Duration.ZERO));
    }
}
