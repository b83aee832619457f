package io.hallwatch.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulationModelTest {

    @Test
    void the_business_mix_adds_up_and_is_drawn_in_its_shares() {
        assertEquals(1.0, CustomerMix.SHARE.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        Random random = new Random(1);
        Map<String, Integer> counts = new HashMap<>();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts.merge(CustomerMix.businessType(random), 1, Integer::sum);
        }
        CustomerMix.SHARE.forEach((type, share) -> assertEquals(share, counts.get(type) / (double) n, 0.01, type));
    }

    @Test
    void about_one_service_in_ten_overruns_its_limit() {
        Random random = new Random(2);
        int over = 0;
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            Duration d = CustomerMix.handlingTime("PAYMENT", random);
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
