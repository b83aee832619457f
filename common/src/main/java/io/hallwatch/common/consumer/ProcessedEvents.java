package io.hallwatch.common.consumer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
}
