package io.hallwatch.queue.domain.forecast;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.queue.domain.forecast.HallForecast.Hall;
import io.hallwatch.queue.domain.forecast.HallForecast.OpenCounter;
import io.hallwatch.queue.domain.queue.CallPolicy;
import io.hallwatch.queue.domain.queue.WaitingTicket;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HallForecastTest {
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final CallPolicy POLICY = new CallPolicy(Duration.ofMinutes(15), Duration.ofMinutes(2));
    /** No walk-up; every type takes its minutes from the map (5 min where not named). */
    private static final Map<String, Integer> MINUTES = Map.of("PAYMENT", 2, "GENERAL", 5, "NEW_LINE", 8);
    private static final HallForecast FORECAST = new HallForecast(POLICY, new HallForecast.ServiceTimes() {
        public Duration walkUp() {
            return Duration.ZERO;
        }

        public Duration handling(String businessType) {
            return Duration.ofMinutes(MINUTES.getOrDefault(businessType, 5));
        }
    });

    private int n;

    private WaitingTicket ticket(String type, CustomerTier tier, int minutesAgo) {
        n++;
        return new WaitingTicket(new UUID(1, n), type, tier, NOW.minus(Duration.ofMinutes(minutesAgo)).plusMillis(n), "A" + n);
    }

    private static OpenCounter counter(String id, Instant freeAt, String... types) {
        return new OpenCounter(id, Set.of(types), false, freeAt);
    }

    private static Duration forecast(WaitingTicket target, List<WaitingTicket> waiting, List<OpenCounter> counters,
                                     List<WaitingTicket> toCome) {
        return FORECAST.untilCalled(target.id(), new Hall(NOW, waiting, counters, toCome)).orElseThrow();
    }

    @Test
    void one_counter_calls_the_people_ahead_one_after_another() {
        List<WaitingTicket> q = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            q.add(ticket("GENERAL", CustomerTier.NORMAL, 4 - i));
        }
        assertEquals(Duration.ofMinutes(15), forecast(q.get(3), q, List.of(counter("1", NOW, "GENERAL")), List.of()));
        assertEquals(Duration.ZERO, forecast(q.get(0), q, List.of(counter("1", NOW, "GENERAL")), List.of()));
    }

    @Test
    void a_counter_still_serving_or_paused_calls_when_it_is_expected_free() {
        List<WaitingTicket> q = List.of(ticket("GENERAL", CustomerTier.NORMAL, 1));
        assertEquals(Duration.ofMinutes(7), forecast(q.get(0), q, List.of(counter("1", NOW.plus(Duration.ofMinutes(7)), "GENERAL")), List.of()));
        // The earlier of two counters takes it; a counter "free" in the past is free now.
        assertEquals(Duration.ZERO, forecast(q.get(0), q, List.of(counter("1", NOW.plus(Duration.ofMinutes(7)), "GENERAL"),
                counter("2", NOW.minus(Duration.ofMinutes(3)), "GENERAL")), List.of()));
    }

    @Test
    void a_counter_shared_with_a_longer_queue_of_another_type_gives_it_its_time_in_issue_order() {
        // Counter 1 serves PAYMENT and GENERAL; three GENERAL customers came before the PAYMENT one.
        // The old formula (nobody of the same type ahead, one counter) said a minute.
        List<WaitingTicket> q = new ArrayList<>();
        q.add(ticket("GENERAL", CustomerTier.NORMAL, 6));
        q.add(ticket("GENERAL", CustomerTier.NORMAL, 5));
        q.add(ticket("GENERAL", CustomerTier.NORMAL, 4));
        WaitingTicket payment = ticket("PAYMENT", CustomerTier.NORMAL, 1);
        q.add(payment);
        assertEquals(Duration.ofMinutes(15), forecast(payment, q, List.of(counter("1", NOW, "PAYMENT", "GENERAL")), List.of()));
        // A second counter for GENERAL only: counter 1 calls the first at 0 and the third at 5 (counter
        // 2 took the second at 0), the payment customer at 10.
        assertEquals(Duration.ofMinutes(10), forecast(payment, q, List.of(counter("1", NOW, "PAYMENT", "GENERAL"),
                counter("2", NOW, "GENERAL")), List.of()));
    }

    @Test
    void vips_still_to_come_overtake_an_ordinary_customer_who_is_not_at_risk() {
        List<WaitingTicket> q = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            q.add(ticket("GENERAL", CustomerTier.NORMAL, 3 - i));
        }
        WaitingTicket last = q.get(2);
        assertEquals(Duration.ofMinutes(10), forecast(last, q, List.of(counter("1", NOW, "GENERAL")), List.of()));
        // 6 VIPs an hour: one expected at +5 min, the next at +15 min: the first is called at +5, before the last customer.
        List<WaitingTicket> vips = HallForecast.expectedVips(Map.of("GENERAL", 6.0), NOW, Duration.ofHours(1));
        assertEquals(6, vips.size());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), vips.get(0).issuedAt());
        assertEquals(Duration.ofMinutes(15), forecast(last, q, List.of(counter("1", NOW, "GENERAL")), vips));
    }

    @Test
    void a_customer_at_risk_goes_before_the_vips_and_an_at_risk_customer_of_another_type_before_them() {
        // Target waited 12 min: at risk from 13 min (15 - 2 margin). A VIP already waits; with one
        // counter busy until +2 min, the target is at risk by then and is called first.
        WaitingTicket vip = ticket("GENERAL", CustomerTier.VIP, 1);
        WaitingTicket target = ticket("GENERAL", CustomerTier.NORMAL, 12);
        List<WaitingTicket> q = List.of(vip, target);
        assertEquals(Duration.ofMinutes(2), forecast(target, q, List.of(counter("1", NOW.plus(Duration.ofMinutes(2)), "GENERAL")), List.of()));
        // Free now, the target is not at risk yet: the VIP first (5 min), then the target.
        assertEquals(Duration.ofMinutes(5), forecast(target, q, List.of(counter("1", NOW, "GENERAL")), List.of()));
    }

    @Test
    void no_open_counter_for_the_type_is_no_forecast_and_a_vip_counter_serves_vips_first() {
        WaitingTicket t = ticket("NEW_LINE", CustomerTier.NORMAL, 1);
        assertEquals(Optional.empty(), FORECAST.untilCalled(t.id(), new Hall(NOW, List.of(t), List.of(counter("1", NOW, "GENERAL")), List.of())));
        WaitingTicket normal = ticket("GENERAL", CustomerTier.NORMAL, 5);
        WaitingTicket vip = ticket("GENERAL", CustomerTier.VIP, 1);
        OpenCounter vipCounter = new OpenCounter("V", Set.of("GENERAL"), true, NOW);
        assertEquals(Duration.ofMinutes(5), forecast(normal, List.of(normal, vip), List.of(vipCounter), List.of()));
    }

    @Test
    void a_counter_idle_for_want_of_its_types_waits_for_the_next_expected_arrival_and_the_play_ends() {
        WaitingTicket g = ticket("GENERAL", CustomerTier.NORMAL, 1);
        WaitingTicket p = ticket("PAYMENT", CustomerTier.NORMAL, 0);
        List<WaitingTicket> vips = HallForecast.expectedVips(Map.of("NEW_LINE", 2.0), NOW, Duration.ofHours(2));
        Duration d = forecast(p, List.of(g, p), List.of(counter("N", NOW, "NEW_LINE"), counter("1", NOW, "GENERAL", "PAYMENT")), vips);
        assertEquals(Duration.ofMinutes(5), d);
        assertTrue(vips.stream().allMatch(v -> v.tier() == CustomerTier.VIP));
    }
}
