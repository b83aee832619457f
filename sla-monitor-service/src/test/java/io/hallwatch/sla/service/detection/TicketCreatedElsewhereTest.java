package io.hallwatch.sla.service.detection;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.db.Db;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.TicketCalled;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A ticket first seen in a poll gets its row at the end of the poll. When another instance
 * (the owner of the ticket's other topic's partition) creates that row meanwhile, the poll is
 * undone and, applied again, builds on that row: nothing of the first attempt stays, nothing of
 * the other instance's is overwritten.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class TicketCreatedElsewhereTest {

    @Inject
    TicketEventDetector detector;
    @Inject
    TimerScanner scanner;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Db db;
    @Inject
    MutableClock clock;

    @Test
    void a_ticket_created_by_another_instance_meanwhile_is_applied_again_onto_its_row() throws Exception {
        String branch = "RACE-" + System.nanoTime();
        String ticket = branch + "/T1";
        Instant issued = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(3));
        Instant called = issued.plus(Duration.ofMinutes(2));
        CloudEvent<TicketCalled> call = CloudEvent.of("/hallwatch/queue-service", called,
                new TicketCalled(ticket, branch, "A001", "PAYMENT", CustomerTier.NORMAL, issued, called, "C1", "clerk-1", 120));
        scanner.pause();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // The other instance has applied the ticket's issue and not committed yet.
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO sla_ticket (ticket_id, branch_id, customer_tier, ticket_number, issued_business_type, issued_at,
                        policy_version, wait_limit_seconds, wait_warning_fraction, handling_limit_seconds, handling_warning_fraction)
                    VALUES (?, ?, 'NORMAL', 'A001', 'PAYMENT', ?, 1, 900, 0.8, 120, 0.8)""")) {
                insert.setString(1, ticket);
                insert.setString(2, branch);
                insert.setTimestamp(3, Timestamp.from(issued));
                insert.executeUpdate();
            }
            CompletableFuture<Void> applying = CompletableFuture.runAsync(
                    () -> QuarkusTransaction.requiringNew().run(() -> detector.applyAll(List.of(call))));
            // It found no row, so it inserts one at the end of its poll, and waits for ours.
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO sla_ticket%'") > 0);
            other.commit();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> applying.get(30, TimeUnit.SECONDS));
            assertInstanceOf(TicketEventDetector.TicketCreatedElsewhereException.class, rootOf(failed));
        } finally {
            scanner.resume();
        }
        assertEquals(List.of("issued=" + issued + " called=null"), ticketRows(ticket), "the first attempt left nothing");

        QuarkusTransaction.requiringNew().run(() -> detector.applyAll(List.of(call)));

        assertEquals(List.of("issued=" + issued + " called=" + called), ticketRows(ticket));
        db.update("DELETE FROM sla_timer WHERE branch_id = ?", branch);
        db.update("DELETE FROM sla_ticket WHERE branch_id = ?", branch);
    }

    private List<String> ticketRows(String ticket) {
        return db.list("SELECT issued_at, called_at FROM sla_ticket WHERE ticket_id = ?",
                rs -> "issued=" + Db.instant(rs, "issued_at") + " called=" + Db.instant(rs, "called_at"), ticket);
    }

    private static Throwable rootOf(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && !(cause instanceof TicketEventDetector.TicketCreatedElsewhereException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
