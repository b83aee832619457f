package io.hallwatch.common.outbox;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.EventPayload;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a service puts the events of a state change: in the same database transaction as the
 * change itself. Nothing is published for a change that rolls back; nothing committed is lost,
 * because the {@link OutboxRelay} sends what is committed, after the commit.
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final Db db;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String source;

    Outbox(AgroalDataSource dataSource, Db db, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
           @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.db = db;
        this.transactions = transactions;
        this.relay = relay;
        this.source = "/hallwatch/" + applicationName;
    }

    /**
     * Records an event that happened at {@code time} (event time, from the service's clock).
     * Must run inside the transaction that makes the change the event reports.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends EventPayload> CloudEvent<T> publish(Instant time, T payload) {
        CloudEvent<T> event = CloudEvent.of(source, time, payload);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, event_time)
                     VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, event.id());
            insert.setString(2, event.topic());
            insert.setString(3, event.key());
            insert.setString(4, event.type());
            insert.setString(5, EventCodec.toJson(event));
            insert.setTimestamp(6, Timestamp.from(event.time()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("Cannot store " + event.type() + " in the outbox", e);
        }
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return event;
    }

    /** An event to record with {@link #publishAll}: when it happened (event time) and what. */
    public record Pending(Instant time, EventPayload payload) {
    }

    /**
     * {@link #publish} for several events with one statement instead of one each (the SLA
     * monitor's catch-up raises dozens of findings a poll: bench/README.md, 2). They are sent in
     * the order given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent<?>> publishAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<CloudEvent<?>> events = new ArrayList<>(pending.size());
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            CloudEvent<?> event = CloudEvent.of(source, p.time(), p.payload());
            events.add(event);
            rows.add(new Object[]{event.id(), event.topic(), event.key(), event.type(), EventCodec.toJson(event), event.time()});
        }
        db.updateOverRows("""
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, event_time)
                SELECT id, topic, record_key, event_type, payload, event_time
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) WITH ORDINALITY
                    AS e(id, topic, record_key, event_type, payload, event_time, position)
                ORDER BY position""", rows);
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return events;
    }

    /** Tells the relay there is something to send as soon as the transaction commits. */
    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
