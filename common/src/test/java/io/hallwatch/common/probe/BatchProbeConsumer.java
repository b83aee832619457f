package io.hallwatch.common.probe;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.consumer.ConsumerLoop;
import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.RejectedEventException;
import io.hallwatch.common.consumer.Transactions;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A consumer that applies a poll per transaction, started by a test once its records are on the
 * topic, so that they arrive in full polls. Records the transaction each event was applied in;
 * rejects tickets numbered Z999 like {@link ProbeConsumer}.
 */
@ApplicationScoped
public class BatchProbeConsumer {
    private final AgroalDataSource dataSource;
    private final EventConsumers consumers;

    BatchProbeConsumer(AgroalDataSource dataSource, EventConsumers consumers) {
        this.dataSource = dataSource;
        this.consumers = consumers;
    }

    public ConsumerLoop start(String name, String topic) {
        return consumers.start(name, List.of(topic), event -> apply(name, event), Transactions.PER_POLL);
    }

    /** As {@link #start} with {@code members} members in this instance. */
    public List<ConsumerLoop> start(String name, String topic, int members) {
        return consumers.start(name, List.of(topic), event -> apply(name, event), Transactions.PER_POLL, members);
    }

    /** As {@link #start}, the journal (written from the records' values) deduping, as the SLA monitor's timeline does. */
    public ConsumerLoop startJournaled(String name, String topic) {
        return consumers.startJournaled(name, List.of(topic), event -> apply(name, event), 1).get(0);
    }

    private void apply(String name, CloudEvent<?> event) {
        if (!(event.data() instanceof TicketEvent ticket)) {
            return;
        }
        if (ProbeConsumer.REJECTED_NUMBER.equals(ticket.ticketNumber())) {
            throw new RejectedEventException("ticket number " + ProbeConsumer.REJECTED_NUMBER + " is not accepted here");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO probe_batch_applied (consumer, event_id, ticket_id) VALUES (?, ?, ?)")) {
            s.setString(1, name);
            s.setObject(2, event.id());
            s.setString(3, ticket.ticketId());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
