package io.hallwatch.sla.domain.detection;

import io.hallwatch.sla.domain.policy.Policies;
import io.hallwatch.sla.domain.policy.PolicyHistory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated branch days (random interleavings of the two topics, redeliveries, replays of old
 * events, a monitor lagging by anything from nothing to many minutes, scans at random moments)
 * run through the monitor's own rules, checked against an oracle that recomputes the breaches
 * from the full history. A failure names its seed; {@code run(seed, ...)} replays it.
 */
class GeneratedBranchDaysTest {
    /** How long a punctual relay takes at most to publish an event (benchmark 3 measured milliseconds). */
    private static final Duration PUNCTUAL = Duration.ofMillis(200);
    private static final Duration LATE_AFTER = Duration.ofSeconds(5);
    private static final DetectionSettings SETTINGS = new DetectionSettings(LATE_AFTER);
    private static final PolicyHistory POLICY = Policies.history(Policies.withExceptions());

    /** How the monitor keeps up: how far time moves between looks, how much it reads, how often it scans. */
    record Pace(Duration maxStep, int maxRecordsPerStep, double scanShare) {
        static final Pace LAGGING = new Pace(Duration.ofSeconds(90), 30, 0.7);
        static final Pace PROMPT = new Pace(Duration.ofSeconds(2), Integer.MAX_VALUE, 1.0);
    }

    @Test
    void with_punctual_producers_the_breaches_are_exactly_the_oracles_however_far_the_monitor_lags() {
        for (long seed = 1; seed <= 150; seed++) {
            BranchDay day = BranchDay.generate(seed, POLICY, BranchDay.Producers.punctual(PUNCTUAL));
            SimulatedMonitor monitor = run(seed, day, Pace.LAGGING);
            Map<String, Oracle.Truth> truth = Oracle.of(day, POLICY);
            assertEachRaisedOnce(seed, monitor);
            assertSameBreaches(seed, oracleBreaches(truth, day.end), raisedBreaches(monitor));
            assertNoFalseWarning(seed, monitor, truth);
            assertFindingsAreConsistent(seed, monitor);
        }
    }

    @Test
    void with_a_prompt_monitor_every_breach_is_raised_on_time_and_preceded_by_its_warning() {
        Duration slack = PUNCTUAL.plus(Pace.PROMPT.maxStep());
        int onTime = 0;
        int warned = 0;
        for (long seed = 1001; seed <= 1060; seed++) {
            BranchDay day = BranchDay.generate(seed, POLICY, BranchDay.Producers.punctual(PUNCTUAL));
            SimulatedMonitor monitor = run(seed, day, Pace.PROMPT);
            Map<String, Oracle.Truth> truth = Oracle.of(day, POLICY);
            assertEachRaisedOnce(seed, monitor);
            assertSameBreaches(seed, oracleBreaches(truth, day.end), raisedBreaches(monitor));
            assertNoFalseWarning(seed, monitor, truth);
            for (Oracle.Truth t : truth.values()) {
                Map<SlaKind, Finding> raised = monitor.raised().getOrDefault(t.ticketId(), new java.util.EnumMap<>(SlaKind.class));
                if (t.facts().issuedAt() != null && t.waitingThrough(t.waitDeadline().plus(slack)) && !t.waitDeadline().plus(slack).isAfter(day.end)) {
                    Finding breach = raised.get(SlaKind.WAIT_BREACH);
                    assertTrue(breach != null && !breach.late()
                                    && !breach.detectedAt().isAfter(t.waitDeadline().plus(slack)),
                            "seed " + seed + ": wait breach of " + t.ticketId() + " not raised on time: " + breach);
                    onTime++;
                    if (t.waitWarnAt().plus(slack).isBefore(t.waitDeadline())) {
                        Finding warning = raised.get(SlaKind.WAIT_WARNING);
                        assertTrue(warning != null && warning.detectedAt().isBefore(breach.detectedAt()),
                                "seed " + seed + ": no warning before the wait breach of " + t.ticketId());
                        warned++;
                    }
                }
                if (t.facts().serviceStartedAt() != null && t.servingThrough(t.handlingDeadline().plus(slack))
                        && !t.handlingDeadline().plus(slack).isAfter(day.end)) {
                    Finding breach = raised.get(SlaKind.HANDLING_BREACH);
                    assertTrue(breach != null && !breach.late()
                                    && !breach.detectedAt().isAfter(t.handlingDeadline().plus(slack)),
                            "seed " + seed + ": handling breach of " + t.ticketId() + " not raised on time: " + breach);
                    onTime++;
                }
            }
        }
        assertTrue(onTime > 100 && warned > 50, "the generator must produce live breaches to check: " + onTime + "/" + warned);
    }

    @Test
    void with_stalling_producers_every_true_breach_is_raised_once_late_and_there_is_no_false_one() {
        int late = 0;
        for (long seed = 2001; seed <= 2150; seed++) {
            BranchDay day = BranchDay.generate(seed, POLICY, BranchDay.Producers.stalling(PUNCTUAL));
            SimulatedMonitor monitor = run(seed, day, Pace.LAGGING);
            Map<String, Oracle.Truth> truth = Oracle.of(day, POLICY);
            assertEachRaisedOnce(seed, monitor);
            assertSameBreaches(seed, oracleBreaches(truth, day.end), raisedBreaches(monitor));
            assertNoFalseWarning(seed, monitor, truth);
            late += (int) monitor.published.stream().filter(p -> p.finding().kind().isBreach() && p.finding().late()).count();
        }
        assertTrue(late > 0, "stalling producers should delay some true breaches, which are then flagged late");
    }

    @Test
    void folding_a_tickets_events_in_any_order_and_any_number_of_times_gives_the_same_facts() {
        Random r = new Random(42);
        for (long seed = 3001; seed <= 3100; seed++) {
            BranchDay day = BranchDay.generate(seed, POLICY, BranchDay.Producers.punctual(PUNCTUAL));
            day.truth.forEach((ticket, events) -> {
                TicketFacts inOrder = fold(ticket, events);
                List<io.hallwatch.events.TicketEvent> shuffled = new java.util.ArrayList<>(events);
                shuffled.addAll(events.subList(0, r.nextInt(events.size() + 1)));
                java.util.Collections.shuffle(shuffled, r);
                assertEquals(inOrder, fold(ticket, shuffled));
            });
        }
    }

    static SimulatedMonitor run(long seed, BranchDay day, Pace pace) {
        Random r = new Random(seed * 31 + 7);
        SimulatedMonitor monitor = new SimulatedMonitor(POLICY, SETTINGS);
        Instant now = BranchDay.OPEN;
        List<BranchDay.Published> ticketOriginals = originals(day.tickets);
        List<BranchDay.Published> serviceOriginals = originals(day.services);
        while (now.isBefore(day.end)) {
            now = now.plusMillis(1 + r.nextInt((int) pace.maxStep().toMillis()));
            int ticketsEnd = visible(day.tickets, now);
            int servicesEnd = visible(day.services, now);
            monitor.promise(watermark(ticketOriginals, now), ticketsEnd, watermark(serviceOriginals, now), servicesEnd);
            int budget = pace.maxRecordsPerStep() == Integer.MAX_VALUE ? Integer.MAX_VALUE : r.nextInt(pace.maxRecordsPerStep() + 1);
            consume(r, day, monitor, now, ticketsEnd, servicesEnd, budget);
            if (r.nextDouble() < pace.scanShare()) {
                monitor.scan(now);
            }
        }
        // The day is over and every relay has sent everything.
        monitor.promise(day.end, day.tickets.size(), day.end, day.services.size());
        consume(r, day, monitor, day.end, day.tickets.size(), day.services.size(), Integer.MAX_VALUE);
        for (int i = 0; i < 3; i++) {
            monitor.scan(day.end);
        }
        return monitor;
    }

    /** Each event's first record on the log: a redelivery or replay is a copy of one already sent. */
    private static List<BranchDay.Published> originals(List<BranchDay.Published> log) {
        Set<io.hallwatch.events.TicketEvent> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        return log.stream().filter(p -> seen.add(p.event())).toList();
    }

    /**
     * What the producer's relay promises at {@code now}: just before the oldest event it has not
     * published yet (a stalled relay's promise stops there), or now.
     */
    private static Instant watermark(List<BranchDay.Published> originals, Instant now) {
        Instant mark = now;
        for (BranchDay.Published p : originals) {
            if (p.publishAt().isAfter(now) && !p.eventTime().minusNanos(1).isAfter(mark)) {
                mark = p.eventTime().minusNanos(1);
            }
        }
        return mark;
    }

    private static void consume(Random r, BranchDay day, SimulatedMonitor m, Instant now, int ticketsEnd, int servicesEnd, int budget) {
        while (budget-- > 0) {
            boolean tickets = m.ticketsApplied < ticketsEnd;
            boolean services = m.servicesApplied < servicesEnd;
            if (!tickets && !services) {
                return;
            }
            // The consumer interleaves the two topics in any order.
            if (tickets && (!services || r.nextBoolean())) {
                m.applyNextTicketsRecord(day.tickets.get(m.ticketsApplied), now);
            } else {
                m.applyNextServicesRecord(day.services.get(m.servicesApplied), now);
            }
        }
    }

    private static int visible(List<BranchDay.Published> log, Instant now) {
        int n = 0;
        while (n < log.size() && !log.get(n).publishAt().isAfter(now)) {
            n++;
        }
        return n;
    }

    private static TicketFacts fold(String ticket, List<io.hallwatch.events.TicketEvent> events) {
        TicketFacts f = TicketFacts.empty(ticket, BranchDay.BRANCH);
        for (io.hallwatch.events.TicketEvent e : events) {
            f = f.with(e);
        }
        return f;
    }

    private static Set<String> oracleBreaches(Map<String, Oracle.Truth> truth, Instant end) {
        Set<String> expected = new HashSet<>();
        truth.values().forEach(t -> {
            if (t.facts().issuedAt() != null && t.waitBreached(end)) {
                expected.add(t.ticketId() + "/" + SlaKind.WAIT_BREACH);
            }
            if (t.handlingBreached(end)) {
                expected.add(t.ticketId() + "/" + SlaKind.HANDLING_BREACH);
            }
        });
        return expected;
    }

    private static Set<String> raisedBreaches(SimulatedMonitor monitor) {
        return monitor.published.stream().filter(p -> p.finding().kind().isBreach())
                .map(p -> p.ticketId() + "/" + p.finding().kind()).collect(Collectors.toSet());
    }

    private static void assertEachRaisedOnce(long seed, SimulatedMonitor monitor) {
        Map<String, Integer> counts = new HashMap<>();
        monitor.published.forEach(p -> counts.merge(p.ticketId() + "/" + p.finding().kind(), 1, Integer::sum));
        counts.forEach((key, n) -> assertEquals(1, n, "seed " + seed + ": " + key + " published " + n + " times"));
    }

    private static void assertNoFalseWarning(long seed, SimulatedMonitor monitor, Map<String, Oracle.Truth> truth) {
        for (SimulatedMonitor.Raised p : monitor.published) {
            Oracle.Truth t = truth.get(p.ticketId());
            Finding f = p.finding();
            if (f.kind() == SlaKind.WAIT_WARNING) {
                assertTrue(t.waitingThrough(t.waitWarnAt().minusNanos(1)) && f.detectedAt().isBefore(t.waitDeadline()),
                        "seed " + seed + ": false wait warning for " + p.ticketId());
            }
            if (f.kind() == SlaKind.HANDLING_WARNING) {
                assertTrue(t.servingThrough(t.handlingWarnAt().minusNanos(1)) && f.detectedAt().isBefore(t.handlingDeadline()),
                        "seed " + seed + ": false handling warning for " + p.ticketId());
            }
        }
    }

    private static void assertFindingsAreConsistent(long seed, SimulatedMonitor monitor) {
        for (SimulatedMonitor.Raised p : monitor.published) {
            Finding f = p.finding();
            assertFalse(f.detectedAt().isBefore(f.deadline()), "seed " + seed + ": detected before its deadline " + f);
            assertEquals(Duration.between(f.deadline(), f.detectedAt()).compareTo(LATE_AFTER) > 0, f.late(), "seed " + seed + " " + f);
            if (f.kind().isBreach()) {
                assertTrue(f.actual().compareTo(f.limit()) >= 0, "seed " + seed + ": breach under its limit " + f);
            }
        }
    }

    private static void assertSameBreaches(long seed, Set<String> expected, Set<String> raised) {
        if (!expected.equals(raised)) {
            fail("seed " + seed + ": missed " + minus(expected, raised) + ", false " + minus(raised, expected));
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    @SuppressWarnings("unused")
    private static void replay(long seed) {
        fail("use run(seed, BranchDay.generate(seed, ...), pace) to replay " + seed);
    }
}
