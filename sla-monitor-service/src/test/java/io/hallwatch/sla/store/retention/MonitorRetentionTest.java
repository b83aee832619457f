package io.hallwatch.sla.store.retention;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.IdDays;
import io.hallwatch.common.retention.RetentionConfig;
import io.hallwatch.sla.Hall;
import io.hallwatch.sla.domain.breach.BreachIds;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
import io.hallwatch.sla.service.detection.TimerScanner;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's tables by day of the ticket's id (V15, V16): made ahead, filled by id, an expired day dropped whole. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class MonitorRetentionTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The tables of a ticket's rows; the alerting tables (V17) are AlertingFlowTest's. */
    private static final List<String> TABLES = List.of("sla_breach", "sla_breach_predicted", "sla_ticket");
    private static final List<String> ALL = List.of("alert", "alert_ack_token", "alert_breach", "alert_delivery_log", "alert_notification",
            "sla_breach", "sla_breach_predicted", "sla_ticket");

    @Inject
    DailyPartitions partitions;
    @Inject
    MonitorTables monitor;
    @Inject
    RetentionConfig config;
    @Inject
    MutableClock clock;
    @Inject
    Db db;
    @Inject
    WatermarkFollower follower;
    @Inject
    TimerScanner scanner;

    @Test
    void the_tables_have_today_and_the_days_ahead_from_the_start_and_a_ticket_lands_in_its_ids_day() {
        assertEquals(ALL, monitor.tables(config).stream().map(DailyPartitions.Table::name).sorted().toList());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String table : ALL) {
            List<String> names = partitions.partitions(table);
            for (int ahead = 0; ahead <= config.daysAhead(); ahead++) {
                assertTrue(names.contains(IdDays.partition(table, today.plusDays(ahead))), table + ": " + names);
            }
            assertTrue(names.contains(table + "_default"), table + ": " + names);
        }

        Hall hall = new Hall("RETAIN", clock);
        String ticket = hall.issueBreachPredicted("PAYMENT", Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM sla_breach_predicted WHERE ticket_id = ?", ticket) == 1);
        // Its wait warning, from the timer scan (the lag rule let through by the queue's promise).
        clock.advance(Duration.ofMinutes(13));
        Hall.promise(clock.instant(), follower);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            scanner.scan();
            return db.count("SELECT count(*) FROM sla_breach WHERE ticket_id = ?", ticket) > 0;
        });
        LocalDate day = IdDays.dayOf(UUID.fromString(ticket));
        for (String table : TABLES) {
            assertEquals(IdDays.partition(table, day), db.one("SELECT DISTINCT tableoid::regclass::text FROM " + table + " WHERE ticket_id = ?",
                    rs -> rs.getString(1), ticket).orElseThrow());
        }
    }

    @Test
    void a_day_past_the_retention_goes_whole_and_the_reports_answer_for_the_days_kept_across_midnight_and_the_day_boundary() {
        // The report asks for past days only, on the platform clock, which the tests start in the past.
        Instant platformWas = clock.instant();
        clock.set(Instant.now());
        try {
            dropsTheOldDayOnly();
        } finally {
            clock.set(platformWas);
        }
    }

    private void dropsTheOldDayOnly() {
        List<DailyPartitions.Table> tables = monitor.tables(config).stream().filter(t -> TABLES.contains(t.name())).toList();
        String branch = "RETAIN-" + UUID.randomUUID().toString().substring(0, 8);
        // Five days ago: the job makes today and the days ahead only, so the days before are made by a round then.
        LocalDate old = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        assertNoFailure(partitions.maintain(IdDays.start(old).plusSeconds(3600), tables));
        // The old day's ticket, told its wait would pass the limit; then, on the Shanghai day after the next, one ticket
        // before UTC midnight (04:00 there, the previous UTC day's partition) and one after (18:00 there).
        Instant expiring = IdDays.start(old).plus(Duration.ofHours(12));
        Instant beforeMidnight = IdDays.start(old.plusDays(1)).plus(Duration.ofHours(20));
        Instant afterMidnight = IdDays.start(old.plusDays(2)).plus(Duration.ofHours(10));
        String gone = ticket(branch, expiring);
        db.update("INSERT INTO sla_breach_predicted (ticket_id, branch_id, issued_at, estimated_wait_seconds) VALUES (?, ?, ?, 1800)",
                gone, branch, expiring);
        String early = ticket(branch, beforeMidnight);
        String late = ticket(branch, afterMidnight);
        finding(branch, gone, expiring);
        finding(branch, early, beforeMidnight);
        assertEquals(2, breaches(branch));
        LocalDate reportDay = LocalDate.ofInstant(afterMidnight, ZONE);
        assertEquals(reportDay, LocalDate.ofInstant(beforeMidnight, ZONE), "one Shanghai day over two UTC days");
        assertEquals(IdDays.partition("sla_ticket", old.plusDays(1)), partitionOf(early));
        assertEquals(IdDays.partition("sla_ticket", old.plusDays(2)), partitionOf(late));
        assertEquals(2, customers(branch, reportDay));
        assertEquals(1, customers(branch, LocalDate.ofInstant(expiring, ZONE)));

        // A live query bounded by the live ids reads the last days' partitions, not the old ones.
        String plan = String.join("\n", db.list("EXPLAIN SELECT count(*) FROM sla_ticket WHERE branch_id = ? AND "
                + LiveIds.live("ticket_id"), rs -> rs.getString(1), branch));
        assertFalse(plan.contains(IdDays.partition("sla_ticket", old)), plan);
        assertFalse(plan.contains(IdDays.partition("sla_ticket", old.plusDays(1))), plan);
        assertTrue(plan.contains(IdDays.partition("sla_ticket", LocalDate.now(ZoneOffset.UTC))), plan);

        // The round that finds the old day past its retention and the next one not: the old day only goes, in every
        // table, whole; nothing refuses it. (A round more than the retention past today would take today's partitions
        // too, which the other tests in this database are still writing to.)
        Duration keep = tables.stream().map(DailyPartitions.Table::keep).max(Duration::compareTo).orElseThrow();
        List<DailyPartitions.Round> rounds = partitions.maintain(IdDays.start(old.plusDays(1)).plus(keep).plusSeconds(3600), tables);
        assertNoFailure(rounds);
        for (DailyPartitions.Round round : rounds) {
            assertEquals(List.of(old), round.dropped(), round.toString());
        }
        for (String table : TABLES) {
            List<String> names = partitions.partitions(table);
            assertFalse(names.contains(IdDays.partition(table, old)), table + ": " + names);
            assertTrue(names.contains(IdDays.partition(table, old.plusDays(1))), table + ": " + names);
            assertTrue(names.contains(IdDays.partition(table, LocalDate.now(ZoneOffset.UTC))), table + ": " + names);
            assertEquals(0, db.count("SELECT count(*) FROM " + table + " WHERE ticket_id = ?", gone), table);
        }
        assertEquals(2, customers(branch, reportDay));
        assertEquals(0, customers(branch, LocalDate.ofInstant(expiring, ZONE)));
        assertEquals(1, breaches(branch));
        assertEquals(early, given().queryParam("branchId", branch).get("/api/v1/breaches").then().statusCode(200)
                .extract().jsonPath().getString("items[0].ticketId"));
        given().get("/api/v1/branches/" + branch + "/sla-status").then().statusCode(200);
    }

    private static void assertNoFailure(List<DailyPartitions.Round> rounds) {
        assertEquals(TABLES.size(), rounds.size(), rounds.toString());
        rounds.forEach(r -> assertNull(r.failure(), r.toString()));
    }

    /** A ticket made, issued and called five minutes later at {@code at}, as the consumer would have stored it. */
    private String ticket(String branch, Instant at) {
        String id = idAt(at);
        QuarkusTransaction.requiringNew().run(() -> db.update("""
                INSERT INTO sla_ticket (ticket_id, branch_id, issued_business_type, issued_at, called_at, policy_version,
                    wait_limit_seconds, wait_warning_fraction, handling_limit_seconds, handling_warning_fraction)
                VALUES (?, ?, 'PAYMENT', ?, ?, 1, 900, 0.8, 120, 0.8)""", id, branch, at, at.plus(Duration.ofMinutes(5))));
        return id;
    }

    /** The ticket's wait warning, as detection records it (its ticket's id names its day). */
    private void finding(String branch, String ticket, Instant issued) {
        QuarkusTransaction.requiringNew().run(() -> db.update("""
                INSERT INTO sla_breach (breach_id, day_id, kind, rule, level, branch_id, ticket_id, limit_seconds, actual_seconds,
                    started_at, deadline, detected_at, detected_late)
                VALUES (?, ?, 'WAIT_WARNING', 'WAIT', 'WARNING', ?, ?, 720, 720, ?, ?, ?, FALSE)""",
                BreachIds.of(ticket, SlaKind.WAIT_WARNING), ticket, branch, ticket, issued, issued.plusSeconds(720),
                issued.plusSeconds(720)));
    }

    private static int breaches(String branch) {
        return given().queryParam("branchId", branch).get("/api/v1/breaches").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    private String partitionOf(String ticket) {
        return db.one("SELECT tableoid::regclass::text FROM sla_ticket WHERE ticket_id = ?", rs -> rs.getString(1), ticket).orElseThrow();
    }

    private static int customers(String branch, LocalDate date) {
        return given().queryParam("date", date.toString()).get("/api/v1/branches/" + branch + "/sla-report").then().statusCode(200)
                .extract().jsonPath().getInt("total.customers");
    }

    /** A time-ordered id (as TimeOrderedIds makes them) made at {@code at}. */
    private static String idAt(Instant at) {
        return io.hallwatch.events.TimeOrderedIds.madeAt(at).toString();
    }
}
