package io.hallwatch.common.retention;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.db.Db;
import io.hallwatch.common.probe.ProbeService;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Daily partitions on a real PostgreSQL: made ahead, filled by id, dropped whole, never an unsent day. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class DailyPartitionsTest {
    private static final DailyPartitions.Table PROBE = new DailyPartitions.Table("retention_probe", "event_id", Duration.ofDays(14), true, null);

    @Inject
    DailyPartitions partitions;
    @Inject
    ProbeService service;
    @Inject
    Db db;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_shared_tables_have_today_and_the_days_ahead_from_the_start_and_a_new_event_lands_in_its_day() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String table : List.of("outbox_event", "processed_event", "event_journal")) {
            List<String> names = partitions.partitions(table);
            for (int ahead = 0; ahead <= 3; ahead++) {
                assertTrue(names.contains(IdDays.partition(table, today.plusDays(ahead))), table + ": " + names);
            }
            assertTrue(names.contains(table + "_default"), table + ": " + names);
        }
        CloudEvent<TicketIssued> event = service.issue("GZ-TH-001", UUID.randomUUID().toString(), "A001");
        String where = db.one("SELECT tableoid::regclass::text FROM outbox_event WHERE event_id = ?", rs -> rs.getString(1),
                event.id()).orElseThrow();
        assertEquals(IdDays.partition("outbox_event", IdDays.dayOf(event.id())), where);
    }

    @Test
    void a_month_goes_by_days_are_made_ahead_and_dropped_whole_after_retention_unless_a_row_is_unsent() {
        Instant start = Instant.now().plus(Duration.ofDays(400)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(3600);
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        // Rows of the first two days written before their partitions exist: the default partition takes them.
        UUID sent = idOn(first);
        UUID unsent = idOn(first.plusDays(1));
        insert(sent, Instant.now());
        insert(unsent, null);
        assertEquals("retention_probe_default", partitionOf(sent));

        List<DailyPartitions.Round> round = partitions.maintain(start, List.of(PROBE));
        assertEquals(List.of(first, first.plusDays(1), first.plusDays(2), first.plusDays(3)), round.get(0).created());
        assertEquals(IdDays.partition("retention_probe", first), partitionOf(sent), "moved out of the default partition");
        assertEquals(IdDays.partition("retention_probe", first.plusDays(1)), partitionOf(unsent));
        assertEquals(0, db.count("SELECT count(*) FROM retention_probe_default"));
        // The key still refuses a second row with the same id.
        assertThrows(RuntimeException.class, () -> insert(sent, Instant.now()));

        for (int day = 1; day <= 30; day++) {
            insert(idOn(first.plusDays(day)), Instant.now());
            partitions.maintain(start.plus(Duration.ofDays(day)), List.of(PROBE));
        }
        List<String> names = partitions.partitions("retention_probe");
        assertFalse(names.contains(IdDays.partition("retention_probe", first)), "sent and 30 days old: dropped");
        assertTrue(names.contains(IdDays.partition("retention_probe", first.plusDays(1))), "a row still unsent: kept");
        assertFalse(names.contains(IdDays.partition("retention_probe", first.plusDays(2))));
        assertTrue(names.contains(IdDays.partition("retention_probe", first.plusDays(16))), "within 14 days: kept");
        assertTrue(names.contains(IdDays.partition("retention_probe", first.plusDays(33))), "three days ahead made");
        // Days 2 to 15 dropped, 16 to 33 kept (plus the unsent day and the default): flat, not growing.
        assertEquals(18 + 1 + 1, names.size(), names.toString());
        assertEquals(0, db.count("SELECT count(*) FROM retention_probe WHERE event_id = ?", sent));

        db.update("UPDATE retention_probe SET sent_at = now() WHERE event_id = ?", unsent);
        partitions.maintain(start.plus(Duration.ofDays(30)), List.of(PROBE));
        assertFalse(partitions.partitions("retention_probe").contains(IdDays.partition("retention_probe", first.plusDays(1))),
                "sent at last: dropped with the next round");
    }

    @Test
    void a_referencing_day_goes_first_text_ids_are_kept_in_their_day_and_a_plain_reference_keeps_the_day() {
        DailyPartitions.Table parent = DailyPartitions.Table.of("retention_parent", "id", Duration.ofDays(7))
                .withStorage("fillfactor = 70");
        DailyPartitions.Table child = DailyPartitions.Table.of("retention_child", "parent_id", Duration.ofDays(7));
        Instant start = Instant.now().plus(Duration.ofDays(900)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(3600);
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        String early = idOn(first).toString();
        String pinned = idOn(first.plusDays(1)).toString();
        // Written before the job made its day: into the default partition, moved into the day made later.
        QuarkusTransaction.requiringNew().run(() -> db.update("INSERT INTO retention_parent (id, note) VALUES (?, 'visit')", early));
        List<DailyPartitions.Round> made = partitions.maintain(start, List.of(child, parent));
        made.forEach(r -> assertEquals(null, r.failure(), r.toString()));
        assertEquals(0, db.count("SELECT count(*) FROM retention_parent_default"));
        assertEquals(5, db.one("SELECT note_length FROM retention_parent WHERE id = ?", rs -> rs.getInt(1), early).orElseThrow(),
                "still generated");
        for (LocalDate day : List.of(first, first.plusDays(2))) {
            assertEquals("{fillfactor=70}", db.one("SELECT reloptions::text FROM pg_class WHERE relname = ?", rs -> rs.getString(1),
                    IdDays.partition("retention_parent", day)).orElseThrow(), "moved and made days alike");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            db.update("INSERT INTO retention_parent (id, note) VALUES (?, 'visit')", pinned);
            for (String id : List.of(early, pinned)) {
                db.update("INSERT INTO retention_child (parent_id, step) VALUES (?, 1), (?, 2)", id, id);
            }
            db.update("INSERT INTO retention_pin (parent_id) VALUES (?)", pinned);
        });
        // Text in the C collation sorts as the UUID does: each row in its id's day.
        assertEquals(IdDays.partition("retention_parent", first.plusDays(1)),
                db.one("SELECT tableoid::regclass::text FROM retention_parent WHERE id = ?", rs -> rs.getString(1), pinned).orElseThrow());
        assertEquals(IdDays.partition("retention_child", first),
                db.one("SELECT DISTINCT tableoid::regclass::text FROM retention_child WHERE parent_id = ?", rs -> rs.getString(1), early).orElseThrow());

        // A week after the second day: the child's two days go first; the parent's pinned day is refused, which undoes
        // the parent's round (its first day too) and nothing else.
        List<DailyPartitions.Round> rounds = partitions.maintain(start.plus(Duration.ofDays(9)), List.of(child, parent));
        assertEquals(List.of(first, first.plusDays(1)), rounds.get(0).dropped(), rounds.toString());
        assertTrue(rounds.get(1).failure() != null && rounds.get(1).failure().contains("foreign key"), rounds.toString());
        assertEquals(2, db.count("SELECT count(*) FROM retention_parent WHERE id IN (?, ?)", early, pinned));
        assertTrue(partitions.partitions("retention_child").contains(IdDays.partition("retention_child", first.plusDays(12))),
                "the child's days ahead made all the same");

        db.update("DELETE FROM retention_pin");
        rounds = partitions.maintain(start.plus(Duration.ofDays(10)), List.of(child, parent));
        assertEquals(null, rounds.get(1).failure(), rounds.toString());
        assertEquals(List.of(first, first.plusDays(1), first.plusDays(2)), rounds.get(1).dropped());
        assertEquals(0, db.count("SELECT count(*) FROM retention_parent WHERE id IN (?, ?)", early, pinned));

        // A referenced row waiting in the default partition for a day not made yet cannot be moved: said, not hidden.
        String ahead = idOn(first.plusDays(30)).toString();
        QuarkusTransaction.requiringNew().run(() -> {
            db.update("INSERT INTO retention_parent (id, note) VALUES (?, 'visit')", ahead);
            db.update("INSERT INTO retention_child (parent_id, step) VALUES (?, 1)", ahead);
        });
        rounds = partitions.maintain(start.plus(Duration.ofDays(28)), List.of(child, parent));
        assertEquals(null, rounds.get(0).failure(), "the child's rows move: nothing points at them");
        assertTrue(rounds.get(1).failure() != null && rounds.get(1).failure().contains("another table's foreign key points at them"),
                rounds.toString());
        assertEquals(1, db.count("SELECT count(*) FROM retention_parent_default WHERE id = ?", ahead));
    }

    @Test
    void a_drop_gives_way_to_the_live_hall_and_goes_on_once_it_has_its_lock() throws Exception {
        // A table of its own: the other tests count the probe table's days.
        QuarkusTransaction.requiringNew().run(() -> {
            db.update("CREATE TABLE IF NOT EXISTS retention_give_way (event_id UUID PRIMARY KEY) PARTITION BY RANGE (event_id)");
            db.update("CREATE TABLE IF NOT EXISTS retention_give_way_default PARTITION OF retention_give_way DEFAULT");
        });
        DailyPartitions.Table table = DailyPartitions.Table.of("retention_give_way", "event_id", Duration.ofDays(7));
        Instant start = Instant.now().plus(Duration.ofDays(1400)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusSeconds(3600);
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        partitions.maintain(start, List.of(table));
        UUID row = idOn(first);
        QuarkusTransaction.requiringNew().run(() -> db.update("INSERT INTO retention_give_way (event_id) VALUES (?)", row));
        Instant expired = start.plus(Duration.ofDays(9));

        // A live transaction reads the table and holds on: the drop's exclusive lock would wait behind it, and every
        // later statement on the table behind the drop. The job lets go after lock-wait each time and never aborts it.
        try (Connection live = dataSource.getConnection()) {
            live.setAutoCommit(false);
            hold(live);
            List<DailyPartitions.Round> refused = partitions.maintain(expired, List.of(table));
            assertTrue(refused.get(0).failure() != null && refused.get(0).failure().contains("lock timeout"), refused.toString());
            assertEquals(1, db.count("SELECT count(*) FROM retention_give_way WHERE event_id = ?", row), "nothing dropped");
            live.commit(); // still alive: the job gave way, not the hall

            // Held only until the round waits for it: that attempt (or a later one) gets the lock and drops the day.
            hold(live);
            CompletableFuture<List<DailyPartitions.Round>> round = CompletableFuture.supplyAsync(
                    () -> partitions.maintain(expired, List.of(table)));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> db.count(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                            + " AND query LIKE '%PARTITION%retention_give_way%'") > 0); // its first statement (a day ahead made, or the detach)
            live.commit();
            List<DailyPartitions.Round> done = round.get(30, TimeUnit.SECONDS);
            assertEquals(null, done.get(0).failure(), done.toString());
            assertTrue(done.get(0).dropped().contains(first), done.toString());
        }
        assertEquals(0, db.count("SELECT count(*) FROM retention_give_way WHERE event_id = ?", row));
    }

    private static void hold(Connection live) throws SQLException {
        try (Statement s = live.createStatement()) {
            s.execute("SELECT count(*) FROM retention_give_way");
        }
    }

    private void insert(UUID id, Instant sentAt) {
        QuarkusTransaction.requiringNew().run(() ->
                db.update("INSERT INTO retention_probe (event_id, note, sent_at) VALUES (?, 'probe', ?)", id, sentAt));
    }

    private String partitionOf(UUID id) {
        return db.one("SELECT tableoid::regclass::text FROM retention_probe WHERE event_id = ?", rs -> rs.getString(1), id)
                .orElseThrow();
    }

    /** A time-ordered id made at noon of {@code day}. */
    private static UUID idOn(LocalDate day) {
        return io.hallwatch.events.TimeOrderedIds.madeAt(IdDays.start(day).plus(Duration.ofHours(12)));
    }
}
