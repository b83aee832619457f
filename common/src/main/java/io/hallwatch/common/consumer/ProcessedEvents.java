package io.hallwatch.common.consumer;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The consumers' memory of which events they applied. Written in the same transaction as the
 * consumer's own state, so an event is applied exactly once however often Kafka delivers it.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final AgroalDataSource dataSource;

    ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** This record for consumer {@code consumer}. */
    FirstDeliveries of(String consumer) {
        return new FirstDeliveries() {
            @Override
            public boolean first(CloudEvent<?> event, byte[] value) {
                return firstDelivery(consumer, event.id());
            }

            @Override
            public boolean[] firsts(List<? extends CloudEvent<?>> events, List<byte[]> values) {
                return firstDeliveries(consumer, events.stream().<UUID>map(CloudEvent::id).toList());
            }
        };
    }

    /** Records that {@code consumer} applies {@code eventId}; false where it already had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, consumer);
            s.setObject(2, eventId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record processed event", e);
        }
    }

    /**
     * {@link #firstDelivery} for a whole poll in one statement (one round trip instead of one per
     * event): for each id, in order, whether this is its first delivery. An id that occurs twice
     * in the list is first only at its first occurrence.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] firstDeliveries(String consumer, List<UUID> eventIds) {
        Set<UUID> inserted = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::uuid[])
                     ON CONFLICT DO NOTHING RETURNING event_id""")) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record processed events", e);
        }
        boolean[] first = new boolean[eventIds.size()];
        for (int i = 0; i < first.length; i++) {
            first[i] = inserted.remove(eventIds.get(i));
        }
        return first;
    }
}
