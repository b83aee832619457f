package io.hallwatch.testsupport;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.TicketIssued;
import io.hallwatch.events.Topics;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The wiring checks of a service that consumes events into its event journal: a record on the
 * real broker is applied once however often it is delivered, and a poison record goes to the
 * dead-letter topic while consumption goes on.
 */
public abstract class ConsumingServiceChecks extends PlatformWiringChecks {
    /** The header the common module's DeadLetters puts the consumer's name in. */
    private static final String DLQ_CONSUMER_HEADER = "hallwatch.dlq.consumer";

    /** The consumer group that journals ticket events. */
    protected abstract String consumerName();

    @Test
    void an_event_on_the_broker_is_consumed_once_even_when_delivered_twice() throws SQLException {
        String ticketId = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> event = issued(ticketId, "GZ-TH-001", "A001");
        KafkaTestClient.produce(Topics.TICKETS, event.key(), EventCodec.toBytes(event));
        KafkaTestClient.produce(Topics.TICKETS, event.key(), EventCodec.toBytes(event));
        String marker = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> after = issued(marker, "GZ-TH-001", "A002");
        KafkaTestClient.produce(Topics.TICKETS, after.key(), EventCodec.toBytes(after));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM event_journal WHERE subject = ?", marker) == 1);
        assertEquals(1, count("SELECT count(*) FROM event_journal WHERE subject = ?", ticketId));
        assertEquals(1, firstDeliveryRecords(event.id()));
    }

    /**
     * The consumer's records that it applied the event (one, however often it was delivered): a
     * processed_event row, unless the service's journal is its dedupe record.
     */
    protected long firstDeliveryRecords(UUID eventId) throws SQLException {
        return count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", consumerName(), eventId);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_consumption_goes_on() {
        String branch = "POISON-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaTestClient.produce(Topics.TICKETS, branch, "{\"specversion\":\"1.0\"".getBytes(StandardCharsets.UTF_8));
        String ticketId = UUID.randomUUID().toString();
        CloudEvent<TicketIssued> good = issued(ticketId, branch, "A003");
        KafkaTestClient.produce(Topics.TICKETS, branch, EventCodec.toBytes(good));

        KafkaTestClient.readUntil(Topics.dlq(Topics.TICKETS), Duration.ofSeconds(30), rs -> rs.stream()
                .anyMatch(r -> branch.equals(r.key()) && r.headers().lastHeader(DLQ_CONSUMER_HEADER) != null
                        && consumerName().equals(new String(r.headers().lastHeader(DLQ_CONSUMER_HEADER).value(), StandardCharsets.UTF_8))));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM event_journal WHERE subject = ?", ticketId) == 1);
    }

    private CloudEvent<TicketIssued> issued(String ticketId, String branch, String number) {
        return CloudEvent.of("/hallwatch/queue-service", clock.instant(),
                new TicketIssued(ticketId, branch, number, "PAYMENT", CustomerTier.NORMAL, clock.instant(), null));
    }

    protected long count(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
