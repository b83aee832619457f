package io.hallwatch.queue.domain.queue;

import io.hallwatch.events.CustomerTier;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
    private static final CallPolicy POLICY = new CallPolicy(Duration.ofMinutes(15), Duration.ofMinutes(2));
    private static final Set<String> PAYMENT_COUNTER = Set.of("PAYMENT", "GENERAL");

    private static WaitingTicket ticket(String type, CustomerTier tier, int waitedMinutes) {
        return new WaitingTicket(UUID.randomUUID(), type, tier, NOW.minus(Duration.ofMinutes(waitedMinutes)), "A001");
    }

    @Test
    void each_ticket_is_at_risk_by_its_own_wait_limit() {
        // The standard gives complaints 5 minutes and everything else 15.
        CallPolicy policy = new CallPolicy(t -> t.businessType().equals("COMPLAINT") ? Duration.ofMinutes(5)
                : Duration.ofMinutes(15), Duration.ofMinutes(2));
        WaitingTicket complaint = ticket("COMPLAINT", CustomerTier.NORMAL, 4);
        WaitingTicket payment = ticket("PAYMENT", CustomerTier.NORMAL, 4);
        WaitingTicket vip = ticket("PAYMENT", CustomerTier.VIP, 1);
        assertTrue(policy.isAtRisk(complaint, NOW));
        assertFalse(policy.isAtRisk(payment, NOW));
        assertEquals(List.of(complaint, vip, payment),
                policy.inCallOrder(List.of(payment, vip, complaint), Set.of("PAYMENT", "COMPLAINT"), false, NOW));
    }

    @Test
    void a_limit_shorter_than_the_margin_puts_its_ticket_at_risk_at_once() {
        CallPolicy policy = new CallPolicy(t -> Duration.ofMinutes(1), Duration.ofMinutes(2));
        assertTrue(policy.isAtRisk(ticket("PAYMENT", CustomerTier.NORMAL, 0), NOW));
    }

    @Test
    void nobody_waiting_or_nobody_of_the_counters_types_means_nothing_to_call() {
        assertTrue(POLICY.next(List.of(), PAYMENT_COUNTER, false, NOW).isEmpty());
        assertTrue(POLICY.next(List.of(ticket("BROADBAND", CustomerTier.VIP, 14)), PAYMENT_COUNTER, false, NOW).isEmpty());
    }

    @Test
    void first_come_first_served_within_a_class() {
        WaitingTicket older = ticket("PAYMENT", CustomerTier.NORMAL, 6);
        WaitingTicket newer = ticket("GENERAL", CustomerTier.NORMAL, 3);
        assertEquals(older, POLICY.next(List.of(newer, older), PAYMENT_COUNTER, false, NOW).orElseThrow());
    }

    @Test
    void vip_goes_ahead_of_normal_customers_who_are_not_at_risk() {
        WaitingTicket normal = ticket("PAYMENT", CustomerTier.NORMAL, 12);
        WaitingTicket vip = ticket("PAYMENT", CustomerTier.VIP, 1);
        assertEquals(vip, POLICY.next(List.of(normal, vip), PAYMENT_COUNTER, false, NOW).orElseThrow());
    }

    @Test
    void a_normal_customer_about_to_breach_goes_ahead_of_a_vip_who_is_not() {
        WaitingTicket atRisk = ticket("PAYMENT", CustomerTier.NORMAL, 13);
        WaitingTicket vip = ticket("PAYMENT", CustomerTier.VIP, 1);
        assertTrue(POLICY.isAtRisk(atRisk, NOW));
        assertEquals(atRisk, POLICY.next(List.of(vip, atRisk), PAYMENT_COUNTER, false, NOW).orElseThrow());
    }

    @Test
    void the_at_risk_boundary_is_the_limit_minus_the_margin() {
        assertFalse(POLICY.isAtRisk(new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL,
                NOW.minus(Duration.ofMinutes(13)).plusSeconds(1), "A001"), NOW));
        assertTrue(POLICY.isAtRisk(new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL,
                NOW.minus(Duration.ofMinutes(13)), "A002"), NOW));
    }

    @Test
    void at_a_vip_counter_vips_come_first_even_before_at_risk_normal_customers() {
        WaitingTicket atRisk = ticket("PAYMENT", CustomerTier.NORMAL, 14);
        WaitingTicket vip = ticket("PAYMENT", CustomerTier.VIP, 1);
        WaitingTicket normal = ticket("PAYMENT", CustomerTier.NORMAL, 5);
        assertEquals(List.of(vip, atRisk, normal), POLICY.inCallOrder(List.of(normal, atRisk, vip), PAYMENT_COUNTER, true, NOW));
    }

    @Test
    void a_vip_counter_serves_normal_customers_when_no_vip_waits() {
        WaitingTicket normal = ticket("PAYMENT", CustomerTier.NORMAL, 5);
        assertEquals(normal, POLICY.next(List.of(normal), PAYMENT_COUNTER, true, NOW).orElseThrow());
    }

    @Test
    void among_customers_at_risk_vips_come_first_then_the_longest_waiting() {
        WaitingTicket overdue = ticket("PAYMENT", CustomerTier.NORMAL, 20);
        WaitingTicket atRisk = ticket("PAYMENT", CustomerTier.NORMAL, 14);
        WaitingTicket vipAtRisk = ticket("PAYMENT", CustomerTier.VIP, 14);
        assertEquals(List.of(vipAtRisk, overdue, atRisk),
                POLICY.inCallOrder(List.of(atRisk, overdue, vipAtRisk), PAYMENT_COUNTER, false, NOW));
    }

    @Test
    void an_impossible_configuration_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new CallPolicy(Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new CallPolicy(Duration.ofMinutes(15), Duration.ofMinutes(16)));
        assertThrows(IllegalArgumentException.class, () -> new CallPolicy(Duration.ofMinutes(15), Duration.ofMinutes(-1)));
    }

    /** Property: over many random halls, the chosen ticket is never beaten by another under the rules. */
    @Test
    void the_choice_is_always_the_best_eligible_ticket_by_the_rules() {
        Random random = new Random(20261124);
        List<String> types = List.of("PAYMENT", "GENERAL", "NEW_LINE", "BROADBAND");
        for (int round = 0; round < 2000; round++) {
            List<WaitingTicket> waiting = new ArrayList<>();
            int n = random.nextInt(15);
            for (int i = 0; i < n; i++) {
                waiting.add(new WaitingTicket(UUID.randomUUID(), types.get(random.nextInt(types.size())),
                        random.nextInt(5) == 0 ? CustomerTier.VIP : CustomerTier.NORMAL,
                        NOW.minusSeconds(random.nextInt(25 * 60)), "A" + (100 + i)));
            }
            Collections.shuffle(waiting, random);
            boolean vipCounter = random.nextBoolean();
            Set<String> skills = Set.copyOf(types.subList(0, 1 + random.nextInt(types.size())));
            var chosen = POLICY.next(waiting, skills, vipCounter, NOW);
            List<WaitingTicket> eligible = waiting.stream().filter(t -> skills.contains(t.businessType())).toList();
            assertEquals(eligible.isEmpty(), chosen.isEmpty());
            chosen.ifPresent(c -> {
                for (WaitingTicket other : eligible) {
                    assertFalse(beats(other, c, vipCounter), other + " should have been called before " + c);
                }
            });
        }
    }

    /** The rules, written independently of the implementation. */
    private static boolean beats(WaitingTicket a, WaitingTicket b, boolean vipCounter) {
        boolean aRisk = POLICY.isAtRisk(a, NOW), bRisk = POLICY.isAtRisk(b, NOW);
        boolean aVip = a.tier() == CustomerTier.VIP, bVip = b.tier() == CustomerTier.VIP;
        if (vipCounter && aVip != bVip) {
            return aVip;
        }
        if (aRisk != bRisk) {
            return aRisk;
        }
        if (!vipCounter && aVip != bVip) {
            return aVip;
        }
        return a.issuedAt().isBefore(b.issuedAt());
    }

    @Test
    void a_visit_parked_to_the_front_is_called_first_even_before_an_at_risk_vip() {
        WaitingTicket atRiskVip = ticket("PAYMENT", CustomerTier.VIP, 14);
        WaitingTicket parked = new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL, NOW.minus(Duration.ofMinutes(2)),
                "A009", NOW, true);
        assertEquals(parked, POLICY.next(List.of(atRiskVip, parked), PAYMENT_COUNTER, false, NOW).orElseThrow());
        assertEquals(parked, POLICY.next(List.of(atRiskVip, parked), PAYMENT_COUNTER, true, NOW).orElseThrow());
    }

    @Test
    void a_visit_parked_to_the_back_queues_behind_those_waiting_and_by_original_issue_ahead_of_them() {
        WaitingTicket early = ticket("PAYMENT", CustomerTier.NORMAL, 8);
        WaitingTicket late = ticket("PAYMENT", CustomerTier.NORMAL, 3);
        Instant issued = NOW.minus(Duration.ofMinutes(10));
        // Waited 4 minutes before its call: its wait clock started 4 minutes ago.
        WaitingTicket back = new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL, NOW.minus(Duration.ofMinutes(4)),
                "A001", NOW, false);
        WaitingTicket original = new WaitingTicket(back.id(), "PAYMENT", CustomerTier.NORMAL, back.issuedAt(), "A001", issued, false);
        assertEquals(List.of(early, late, back), POLICY.inCallOrder(List.of(back, late, early), PAYMENT_COUNTER, false, NOW));
        assertEquals(List.of(original, early, late), POLICY.inCallOrder(List.of(late, original, early), PAYMENT_COUNTER, false, NOW));
    }

    @Test
    void a_parked_visit_is_at_risk_by_its_whole_wait_not_by_its_place() {
        // 12 minutes waited before the park, back of the queue: at risk (limit 15, margin 2) a minute after its return.
        WaitingTicket back = new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL, NOW.minus(Duration.ofMinutes(13)),
                "A001", NOW.minus(Duration.ofMinutes(1)), false);
        WaitingTicket fresh = ticket("PAYMENT", CustomerTier.NORMAL, 5);
        assertTrue(POLICY.isAtRisk(back, NOW));
        assertEquals(back, POLICY.next(List.of(fresh, back), PAYMENT_COUNTER, false, NOW).orElseThrow());
    }

    @Test
    void an_appointment_checked_in_on_time_goes_ahead_of_every_walk_up_once_its_slot_has_started() {
        Instant slot = NOW.plus(Duration.ofMinutes(5));
        WaitingTicket atRisk = ticket("PAYMENT", CustomerTier.NORMAL, 14);
        WaitingTicket vip = ticket("PAYMENT", CustomerTier.VIP, 3);
        Instant checkedIn = NOW.minus(Duration.ofMinutes(2));
        WaitingTicket appointment = new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL, slot, "A009", checkedIn,
                false, slot);
        List<WaitingTicket> waiting = List.of(vip, appointment, atRisk);
        assertEquals(List.of(atRisk, vip, appointment), POLICY.inCallOrder(waiting, PAYMENT_COUNTER, false, NOW),
                "before its slot the appointment waits its turn like anyone");
        assertFalse(appointment.appointmentDue(NOW));
        Instant started = slot.plusSeconds(1);
        assertEquals(appointment, POLICY.next(waiting, PAYMENT_COUNTER, false, started).orElseThrow());
        assertEquals(appointment, POLICY.next(waiting, PAYMENT_COUNTER, true, started).orElseThrow(), "at a VIP counter too");

        // A visit parked to the front is being served already: it stays ahead; two due appointments go by their slot.
        WaitingTicket parked = new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL, NOW.minus(Duration.ofMinutes(4)),
                "A002", NOW, true);
        WaitingTicket earlierSlot = new WaitingTicket(UUID.randomUUID(), "PAYMENT", CustomerTier.NORMAL, slot.minusSeconds(1800),
                "A010", NOW, false, slot.minusSeconds(1800));
        assertEquals(List.of(parked, earlierSlot, appointment, atRisk, vip),
                POLICY.inCallOrder(List.of(vip, appointment, atRisk, earlierSlot, parked), PAYMENT_COUNTER, false, started));
        assertTrue(POLICY.next(List.of(appointment), Set.of("BROADBAND"), false, started).isEmpty(), "only where its type is served");
    }
}
