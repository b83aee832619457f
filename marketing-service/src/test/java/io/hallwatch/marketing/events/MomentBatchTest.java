package io.hallwatch.marketing.events;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.journal.EventJournal;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventPayload;
import io.hallwatch.events.ServiceFinished;
import io.hallwatch.events.ServiceOutcome;
import io.hallwatch.events.ServiceStarted;
import io.hallwatch.events.SlaBreached;
import io.hallwatch.events.SlaRule;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.marketing.support.Db;
import io.hallwatch.marketing.support.Events;
import io.hallwatch.marketing.support.Scenario;
import io.hallwatch.testsupport.KafkaTestClient;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A poll applied at once ({@link MomentRecorder#handleAll}) must end exactly as its events applied
 * one at a time, each seeing the ones before it; and a poll delivered again (the event journal is
 * the consumer's dedupe record) must change nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
class MomentBatchTest {

    @Inject
    MomentRecorder recorder;
    @Inject
    EventJournal journal;
    @Inject
    MutableClock clock;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_poll_applied_at_once_ends_as_its_events_applied_one_at_a_time() {
        String customer = Scenario.heavyDataUser();
        Instant at = clock.instant();
        String together = Scenario.branch();
        String oneByOne = Scenario.branch();

        // As the consumer loop calls it: the poll's first deliveries journaled, then handed over together;
        // and, for a poll that failed, each event journaled and handed over in a transaction of its own.
        List<CloudEvent<?>> poll = day(together, customer, at);
        QuarkusTransaction.requiringNew().run(() -> {
            journal.firsts(poll, poll.stream().map(EventCodec::toBytes).toList());
            recorder.handleAll(poll);
        });
        for (CloudEvent<?> event : day(oneByOne, customer, at)) {
            QuarkusTransaction.requiringNew().run(() -> {
                journal.first(event, EventCodec.toBytes(event));
                recorder.handle(event);
            });
        }

        assertEquals(List.of(
                // A001 served at C1 with three waiting, then finished.
                "A001|C1|FINISHED|" + customer + "|3|DATA-10G|FULL|null|null",
                // A002 at C2 with two waiting; its breach came during service: re-advised with the
                // apology first, then that ended when C2 started serving A005.
                "A002|C2|FINISHED|null|2|CRBT|SHORT|PRIORITY_TICKET_NEXT_VISIT|null",
                "A002|C2|SUPERSEDED|null|2|CRBT|FULL|null|null",
                // A003 started at C1 without a call (the services topic ran ahead): one still waits.
                "A003|C1|SERVING|null|1|CRBT|FULL|null|null",
                // A005's customer became known after its service started: advised again for them.
                "A005|C2|SERVING|" + customer + "|1|DATA-10G|FULL|null|null",
                "A005|C2|SUPERSEDED|null|1|CRBT|FULL|null|null"), advice(together));
        assertEquals(advice(together), advice(oneByOne));
        assertEquals(List.of(
                "A001|" + customer + "|180|null", "A002|null|960|null", "A003|null|null|null",
                // A005's issue came after its service start, so it counts as waiting (as one at a time would).
                "A004|null|null|" + at.plusSeconds(3), "A005|" + customer + "|null|" + at.plusSeconds(1050)), hall(together));
        assertEquals(hall(together), hall(oneByOne));
        assertEquals(1, Db.count(dataSource, "SELECT count(*) FROM wait_breach WHERE branch_id = ?", together));
        assertEquals(6, offersPublished(together));
        assertEquals(6, offersPublished(oneByOne));
    }

    @Test
    void a_poll_delivered_twice_is_applied_once() {
        String branch = Scenario.branch();
        String customer = Scenario.heavyDataUser();
        Instant at = clock.instant();
        String ticket = Events.ticketId();
        List<CloudEvent<?>> events = List.of(
                event(at, new TicketIssued(ticket, branch, "A001", "PAYMENT", CustomerTier.NORMAL, at, customer)),
                event(at.plusSeconds(180), called(ticket, branch, "A001", at, at.plusSeconds(180), "C1")),
                event(at.plusSeconds(200), started(ticket, branch, "A001", "C1", at.plusSeconds(200))),
                event(at.plusSeconds(500), finished(ticket, branch, "A001", "C1", at.plusSeconds(200), at.plusSeconds(500))));
        for (int delivery = 0; delivery < 2; delivery++) {
            events.forEach(e -> KafkaTestClient.produce(e.topic(), e.key(), EventCodec.toBytes(e)));
        }
        String marker = Events.ticketId();
        CloudEvent<?> last = event(at.plusSeconds(600),
                new TicketIssued(marker, branch, "A002", "PAYMENT", CustomerTier.NORMAL, at.plusSeconds(600), null));
        KafkaTestClient.produce(last.topic(), last.key(), EventCodec.toBytes(last));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                Db.count(dataSource, "SELECT count(*) FROM hall_ticket WHERE ticket_id = ?", marker) == 1
                        && Db.count(dataSource, "SELECT count(*) FROM recommendation WHERE ticket_id = ?", ticket) > 0);
        assertEquals(List.of("A001|C1|FINISHED|" + customer + "|0|DATA-10G|FULL|null|null"), advice(branch));
        assertEquals(1, Db.count(dataSource, "SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%" + ticket + "%"));
        assertEquals(events.size() + 1, Db.count(dataSource, "SELECT count(*) FROM event_journal WHERE branch_id = ?", branch));
    }

    /** A morning at one branch, in the order the consumer reads it, with every late fact it handles. */
    private List<CloudEvent<?>> day(String branch, String customer, Instant at) {
        String[] t = {Events.ticketId(), Events.ticketId(), Events.ticketId(), Events.ticketId(), Events.ticketId()};
        List<CloudEvent<?>> events = new ArrayList<>();
        events.add(event(at, new TicketIssued(t[0], branch, "A001", "PAYMENT", CustomerTier.NORMAL, at, customer)));
        events.add(event(at.plusSeconds(1), new TicketIssued(t[1], branch, "A002", "GENERAL", CustomerTier.NORMAL, at.plusSeconds(1), null)));
        events.add(event(at.plusSeconds(2), new TicketIssued(t[2], branch, "A003", "GENERAL", CustomerTier.NORMAL, at.plusSeconds(2), null)));
        events.add(event(at.plusSeconds(3), new TicketIssued(t[3], branch, "A004", "GENERAL", CustomerTier.NORMAL, at.plusSeconds(3), null)));
        events.add(event(at.plusSeconds(180), called(t[0], branch, "A001", at, at.plusSeconds(180), "C1")));
        events.add(event(at.plusSeconds(200), started(t[0], branch, "A001", "C1", at.plusSeconds(200))));
        events.add(event(at.plusSeconds(961), called(t[1], branch, "A002", at.plusSeconds(1), at.plusSeconds(961), "C2")));
        events.add(event(at.plusSeconds(980), started(t[1], branch, "A002", "C2", at.plusSeconds(980))));
        events.add(event(at.plusSeconds(990), new SlaBreached(UUID.randomUUID().toString(), branch, t[1], "A002", "GENERAL",
                CustomerTier.NORMAL, SlaRule.WAIT, 900, 960, at.plusSeconds(1), at.plusSeconds(901), at.plusSeconds(990),
                true, "C2", "clerk-C2")));
        events.add(event(at.plusSeconds(1000), finished(t[0], branch, "A001", "C1", at.plusSeconds(200), at.plusSeconds(1000))));
        events.add(event(at.plusSeconds(1010), started(t[2], branch, "A003", "C1", at.plusSeconds(1010))));
        events.add(event(at.plusSeconds(1100), started(t[4], branch, "A005", "C2", at.plusSeconds(1100))));
        events.add(event(at.plusSeconds(1100), new TicketIssued(t[4], branch, "A005", "PAYMENT", CustomerTier.NORMAL,
                at.plusSeconds(1050), customer)));
        return events;
    }

    private static CloudEvent<?> event(Instant at, EventPayload payload) {
        return CloudEvent.of("/hallwatch/test", at, payload);
    }

    private static TicketCalled called(String ticket, String branch, String number, Instant issued, Instant at, String counter) {
        return new TicketCalled(ticket, branch, number, "GENERAL", CustomerTier.NORMAL, issued, at, counter,
                "clerk-" + counter, Duration.between(issued, at).toSeconds());
    }

    private static ServiceStarted started(String ticket, String branch, String number, String counter, Instant at) {
        return new ServiceStarted(ticket, branch, number, number.equals("A002") || number.equals("A003") ? "GENERAL" : "PAYMENT",
                CustomerTier.NORMAL, counter, "clerk-" + counter, at);
    }

    private static ServiceFinished finished(String ticket, String branch, String number, String counter, Instant started,
                                            Instant at) {
        return new ServiceFinished(ticket, branch, number, "PAYMENT", CustomerTier.NORMAL, counter, "clerk-" + counter,
                started, at, Duration.between(started, at).toSeconds(), ServiceOutcome.COMPLETED, List.of("PAYMENT"));
    }

    private List<String> advice(String branch) {
        return rows("""
                SELECT ticket_number, counter_id, status, customer_ref, waiting, offer_code, pitch_form, recovery_gesture,
                       outcome FROM recommendation WHERE branch_id = ? ORDER BY ticket_number, status""", branch);
    }

    private List<String> hall(String branch) {
        return rows("""
                SELECT ticket_number, customer_ref, wait_seconds, waiting_since FROM hall_ticket
                WHERE branch_id = ? ORDER BY ticket_number""", branch);
    }

    private long offersPublished(String branch) {
        return Db.count(dataSource, "SELECT count(*) FROM outbox_event WHERE record_key = ? AND event_type LIKE ?",
                branch, "%offer-recommended%");
    }

    private List<String> rows(String sql, String branch) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, branch);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.append(i > 1 ? "|" : "").append(value instanceof java.sql.Timestamp ts ? ts.toInstant() : value);
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
