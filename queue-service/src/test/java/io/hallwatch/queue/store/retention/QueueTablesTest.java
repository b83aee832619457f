package io.hallwatch.queue.store.retention;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.retention.DailyPartitions;
import io.hallwatch.common.retention.IdDays;
import io.hallwatch.common.retention.PartitionedTables;
import io.hallwatch.common.retention.RetentionConfig;
import io.hallwatch.queue.api.Hall;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.MutableClock;
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
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue's tickets and what names them, kept by day: made ahead, read across days, dropped whole, children first. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandardTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class QueueTablesTest {
    private static final List<String> TABLES = List.of("turn_notice", "out_of_order_call", "appointment", "ticket");

    @Inject
    DailyPartitions partitions;
    @Inject
    PartitionedTables queueTables;
    @Inject
    RetentionConfig config;
    @Inject
    MutableClock clock;
    @Inject
    Db db;

    @Test
    void every_table_has_today_and_the_days_ahead_and_a_new_ticket_lands_in_its_ids_day() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String table : TABLES) {
            List<String> names = partitions.partitions(table);
            for (int ahead = 0; ahead <= 3; ahead++) {
                assertTrue(names.contains(IdDays.partition(table, today.plusDays(ahead))), table + ": " + names);
            }
        }
        clock.set(Hall.MORNING);
        Hall hall = Hall.open("PAYMENT");
        UUID id = UUID.fromString(hall.issued("PAYMENT", null));
        assertEquals(IdDays.partition("ticket", IdDays.dayOf(id)), partitionOf("ticket", "id", id));
    }

    @Test
    void a_service_day_reads_across_days_and_an_expired_day_goes_whole_consents_calls_and_appointments_before_their_tickets() {
        // Days a month back, made as the job made them then; a ticket on each of two of them, of one service day.
        Instant monthAgo = Instant.now().minus(Duration.ofDays(30));
        LocalDate first = monthAgo.atZone(ZoneOffset.UTC).toLocalDate();
        partitions.maintain(monthAgo, queueTables.tables(config));
        clock.set(Hall.MORNING);
        Hall hall = Hall.open("PAYMENT");
        LocalDate serviceDay = LocalDate.of(2026, 11, 24);
        UUID early = idOn(first);
        UUID late = idOn(first.plusDays(1));
        QuarkusTransaction.requiringNew().run(() -> {
            ticket(early, hall.branchId, serviceDay, "A001", "DONE");
            ticket(late, hall.branchId, serviceDay, "A002", "CANCELLED");
            db.update("INSERT INTO turn_notice (ticket_id, branch_id, requested_at) VALUES (?, ?, now())", early, hall.branchId);
            db.update("""
                    INSERT INTO out_of_order_call (ticket_id, called_at, branch_id, service_day, counter_id, clerk_id, reason)
                    VALUES (?, now(), ?, ?, 'C1', 'clerk-1', 'ELDERLY')""", early, hall.branchId, serviceDay);
            db.update("""
                    INSERT INTO appointment (id, branch_id, business_type, slot_start, slot_end, status, check_in_code, booked_at, ticket_id)
                    VALUES (?, ?, 'PAYMENT', now(), now() + interval '15 minutes', 'CHECKED_IN', '12345678', now(), ?)""",
                    idOn(first), hall.branchId, early);
        });
        assertEquals(IdDays.partition("ticket", first.plusDays(1)), partitionOf("ticket", "id", late));
        assertEquals(IdDays.partition("out_of_order_call", first), partitionOf("out_of_order_call", "ticket_id", early));
        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day?date=" + serviceDay).then().statusCode(200)
                .body("tickets.issued", equalTo(2)).body("tickets.served", equalTo(1)).body("tickets.cancelled", equalTo(1));

        // Kept a week: the month-old days go, every table's, referencing ones first; today's stay.
        List<DailyPartitions.Table> week = queueTables.tables(config).stream()
                .map(t -> DailyPartitions.Table.of(t.name(), t.column(), Duration.ofDays(7))).toList();
        List<DailyPartitions.Round> rounds = partitions.maintain(Instant.now(), week);
        assertEquals(TABLES, rounds.stream().map(DailyPartitions.Round::table).toList());
        for (DailyPartitions.Round round : rounds) {
            assertNull(round.failure(), round.toString());
            assertTrue(round.dropped().containsAll(List.of(first, first.plusDays(1))), round.toString());
            assertFalse(round.dropped().contains(LocalDate.now(ZoneOffset.UTC)), round.toString());
        }
        assertEquals(0, db.count("SELECT count(*) FROM ticket WHERE branch_id = ?", hall.branchId));
        given().when().get("/api/v1/branches/" + hall.branchId + "/service-day?date=" + serviceDay).then().statusCode(200)
                .body("tickets.issued", equalTo(0));
        assertTrue(partitions.partitions("ticket").contains(IdDays.partition("ticket", LocalDate.now(ZoneOffset.UTC))));
    }

    @Test
    void a_row_naming_a_ticket_never_outlives_it() {
        for (DailyPartitions.Table t : queueTables.tables(config)) {
            assertEquals(config.facts(), t.keep(), t.name());
        }
        // Tickets kept 90 days, consents asked for 500 and calls for 30: the consents stop at the tickets' 90.
        RetentionConfig shorter = (RetentionConfig) java.lang.reflect.Proxy.newProxyInstance(RetentionConfig.class.getClassLoader(),
                new Class<?>[]{RetentionConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "facts" -> Duration.ofDays(400);
                    case "keep" -> java.util.Map.of("ticket", Duration.ofDays(90), "turn_notice", Duration.ofDays(500),
                            "out_of_order_call", Duration.ofDays(30));
                    default -> {
                        if (!method.isDefault()) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        yield java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                });
        java.util.Map<String, Duration> keeps = new java.util.HashMap<>();
        queueTables.tables(shorter).forEach(t -> keeps.put(t.name(), t.keep()));
        assertEquals(java.util.Map.of("ticket", Duration.ofDays(90), "turn_notice", Duration.ofDays(90),
                "out_of_order_call", Duration.ofDays(30), "appointment", Duration.ofDays(90)), keeps);
    }

    private void ticket(UUID id, String branch, LocalDate day, String number, String status) {
        db.update("""
                INSERT INTO ticket (id, branch_id, business_type, tier, number, service_day, status, issued_at, estimated_wait_minutes)
                VALUES (?, ?, 'PAYMENT', 'NORMAL', ?, ?, ?, ?, 0)""", id, branch, number, day, status, Hall.MORNING);
    }

    private String partitionOf(String table, String column, UUID id) {
        return db.one("SELECT DISTINCT tableoid::regclass::text FROM " + table + " WHERE " + column + " = ?",
                rs -> rs.getString(1), id).orElseThrow();
    }

    /** A time-ordered id made at noon of {@code day}. */
    private static UUID idOn(LocalDate day) {
        return io.hallwatch.events.TimeOrderedIds.madeAt(IdDays.start(day).plus(Duration.ofHours(12)));
    }
}
