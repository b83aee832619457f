package io.hallwatch.counter.store.counter;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.IdDays;
import io.hallwatch.common.retention.RetentionConfig;
import io.hallwatch.counter.domain.counter.CalledCustomer;
import io.hallwatch.counter.domain.report.BranchFilter;
import io.hallwatch.counter.domain.report.DailyReport;
import io.hallwatch.counter.service.report.DailyReportService;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.TimeOrderedIds;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.StandardTestResource;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shift records by day (V6): made ahead at start, each row in its id's day, a day past retention dropped whole. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class ShiftRecordPartitionsTest {
    private static final List<String> TABLES = List.of("service_record", "no_show_record", "counter_pause", "clerk_session");

    @Inject
    DailyPartitions partitions;
    @Inject
    ShiftRecordTables own;
    @Inject
    RetentionConfig config;
    @Inject
    ShiftRecordStore records;
    @Inject
    DailyReportService reports;
    @Inject
    Db db;

    @Test
    void the_records_have_today_and_the_days_ahead_from_the_start_and_land_in_their_ids_day() {
        assertEquals(TABLES, own.tables(config).stream().map(DailyPartitions.Table::name).toList());
        assertTrue(own.tables(config).stream().allMatch(t -> t.keep().equals(Duration.ofDays(400))), "facts: 400 days");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String table : TABLES) {
            List<String> names = partitions.partitions(table);
            for (int ahead = 0; ahead <= 3; ahead++) {
                assertTrue(names.contains(IdDays.partition(table, today.plusDays(ahead))), table + ": " + names);
            }
            assertTrue(names.contains(table + "_default"), table + ": " + names);
        }

        String clerk = clerk();
        UUID served = TimeOrderedIds.next();
        UUID missed = TimeOrderedIds.next();
        UUID pause = TimeOrderedIds.next();
        Instant now = Instant.now();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            records.signedIn("PT-001", "C01", clerk, now);
            records.serviceStarted("PT-001", "C01", clerk, customer(served, now), day, 300);
            records.noShow(missed, "PT-001", "C01", clerk, day, now);
            records.pauseStarted(pause, "PT-001", "C01", clerk, "BREAK", day, now);
        });
        assertEquals(IdDays.partition("service_record", IdDays.dayOf(served)),
                partitionOf("SELECT tableoid::regclass::text FROM service_record WHERE ticket_id = ?", served));
        assertEquals(IdDays.partition("no_show_record", IdDays.dayOf(missed)),
                partitionOf("SELECT tableoid::regclass::text FROM no_show_record WHERE ticket_id = ?", missed));
        assertEquals(IdDays.partition("counter_pause", IdDays.dayOf(pause)),
                partitionOf("SELECT tableoid::regclass::text FROM counter_pause WHERE id = ?", pause));
        UUID session = db.one("SELECT id FROM clerk_session WHERE clerk_id = ?", rs -> rs.getObject(1, UUID.class), clerk)
                .orElseThrow();
        assertEquals(IdDays.partition("clerk_session", IdDays.dayOf(session)),
                partitionOf("SELECT tableoid::regclass::text FROM clerk_session WHERE id = ?", session));

        // The writes after the insert find their rows in those days.
        QuarkusTransaction.requiringNew().run(() -> {
            records.serviceFinished(served, now.plusSeconds(60), 60, ServiceOutcome.COMPLETED, List.of("PAYMENT"), null);
            records.pauseEnded(pause, now.plusSeconds(120), 120);
            records.signedOut("PT-001", "C01", clerk, now.plusSeconds(180));
        });
        assertEquals(1, db.count("SELECT count(*) FROM service_record WHERE ticket_id = ? AND finished_at IS NOT NULL", served));
        assertEquals(1, db.count("SELECT count(*) FROM counter_pause WHERE id = ? AND ended_at IS NOT NULL", pause));
        assertEquals(1, db.count("SELECT count(*) FROM clerk_session WHERE id = ? AND signed_out_at IS NOT NULL", session));
    }

    @Test
    void a_day_past_retention_goes_whole_from_every_table_and_the_report_still_answers_for_the_days_kept() {
        List<DailyPartitions.Table> tables = own.tables(config);
        Instant start = Instant.now().plus(Duration.ofDays(500)).truncatedTo(ChronoUnit.DAYS).plusSeconds(3600);
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        String clerk = clerk();
        try {
            List<DailyPartitions.Round> made = partitions.maintain(start, tables);
            assertEquals(4, made.size(), made.toString());
            for (LocalDate day : List.of(first, first.plusDays(1))) {
                shift(clerk, day);
            }
            // Issued and served at 23:30 UTC, 07:30 the next morning in Guangzhou: its id's day is the second, its
            // service day (branch-local) the third.
            Instant late = IdDays.start(first.plusDays(1)).plus(Duration.ofMinutes(23 * 60 + 30));
            UUID lateTicket = idAt(late);
            QuarkusTransaction.requiringNew().run(() -> {
                records.serviceStarted("PT-002", "C01", clerk, customer(lateTicket, late), first.plusDays(2), 300);
                records.serviceFinished(lateTicket, late.plusSeconds(30), 30, ServiceOutcome.COMPLETED, List.of("PAYMENT"), null);
            });
            assertEquals(IdDays.partition("service_record", first.plusDays(1)),
                    partitionOf("SELECT tableoid::regclass::text FROM service_record WHERE ticket_id = ?", lateTicket));
            assertEquals(1, reports.report(clerk, first, BranchFilter.EVERY_BRANCH).served());

            // The first day's end is 400 days gone, the second's not yet.
            List<DailyPartitions.Round> rounds = partitions.maintain(IdDays.start(first).plus(Duration.ofDays(401)).plusSeconds(3600), tables);
            assertEquals(TABLES, rounds.stream().map(DailyPartitions.Round::table).toList());
            for (DailyPartitions.Round round : rounds) {
                assertNull(round.failure(), rounds.toString());
                assertTrue(round.dropped().contains(first), rounds.toString());
                assertFalse(round.dropped().contains(first.plusDays(1)), rounds.toString());
                assertFalse(partitions.partitions(round.table()).contains(IdDays.partition(round.table(), first)));
            }

            DailyReport gone = reports.report(clerk, first, BranchFilter.EVERY_BRANCH);
            assertEquals(0, gone.served());
            assertEquals(0, gone.noShows());
            assertEquals(Map.of(), gone.pausedMinutesByReason());
            DailyReport kept = reports.report(clerk, first.plusDays(1), BranchFilter.EVERY_BRANCH);
            assertEquals(1, kept.served());
            assertEquals(1, kept.noShows());
            assertEquals(Map.of("BREAK", 2.0), kept.pausedMinutesByReason());
            assertEquals(1, reports.report(clerk, first.plusDays(2), BranchFilter.EVERY_BRANCH).served(), "the next morning's");
            assertEquals(List.of(clerk), reports.branchReports("PT-002", first.plusDays(1)).stream()
                    .map(DailyReport::clerkId).toList());
            assertEquals(1, db.count("SELECT count(*) FROM clerk_session WHERE clerk_id = ?", clerk), "the second day's session");
        } finally {
            // Today's partitions went with the far future's round: back for the tests after this one.
            partitions.maintain(Instant.now(), tables);
        }
    }

    /** A clerk's shift on {@code day}, every record with an id of that day: one service, one no-show, a pause, a session. */
    private void shift(String clerk, LocalDate day) {
        Instant at = IdDays.start(day).plus(Duration.ofHours(12));
        UUID served = idOn(day);
        QuarkusTransaction.requiringNew().run(() -> {
            db.update("INSERT INTO clerk_session (id, branch_id, counter_id, clerk_id, signed_in_at) VALUES (?, 'PT-002', 'C01', ?, ?)",
                    idOn(day), clerk, at);
            records.serviceStarted("PT-002", "C01", clerk, customer(served, at), day, 300);
            records.serviceFinished(served, at.plusSeconds(60), 60, ServiceOutcome.COMPLETED, List.of("PAYMENT"), null);
            records.noShow(idOn(day), "PT-002", "C01", clerk, day, at);
            UUID pause = idOn(day);
            records.pauseStarted(pause, "PT-002", "C01", clerk, "BREAK", day, at);
            records.pauseEnded(pause, at.plusSeconds(120), 120);
        });
    }

    private String partitionOf(String sql, UUID id) {
        return db.one(sql, rs -> rs.getString(1), id).orElseThrow();
    }

    private static CalledCustomer customer(UUID ticket, Instant at) {
        return new CalledCustomer(ticket, "A001", "PAYMENT", "NORMAL", at, at, at);
    }

    private static String clerk() {
        return "clerk-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A time-ordered id made at noon of {@code day}. */
    private static UUID idOn(LocalDate day) {
        return idAt(IdDays.start(day).plus(Duration.ofHours(12)));
    }

    private static UUID idAt(Instant at) {
        return io.hallwatch.events.TimeOrderedIds.madeAt(at);
    }
}
