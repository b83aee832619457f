package io.hallwatch.common.journal;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * A consuming service's record of the events it applied, in event time (table {@code event_journal},
 * migration location {@code db/hallwatch-journal}). An upsert: a redelivered event is a no-op.
 */
@ApplicationScoped
public class EventJournal {

    private final AgroalDataSource dataSource;

    EventJournal(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CloudEvent<?> event) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO event_journal (event_id, event_type, branch_id, subject, event_time, payload)
                     VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (event_id) DO NOTHING""")) {
            s.setObject(1, event.id());
            s.setString(2, event.type());
            s.setString(3, event.key());
            s.setString(4, event.subject());
            s.setTimestamp(5, Timestamp.from(event.time()));
            s.setString(6, EventCodec.toJson(event));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot journal " + event.type(), e);
        }
    }
}
