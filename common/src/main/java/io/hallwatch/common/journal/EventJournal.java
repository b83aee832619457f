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
import java.util.List;

/**
 * A consuming service's record of the events it applied, in event time (table {@code event_journal},
 * migration location {@code db/hallwatch-journal}). An upsert: a redelivered event is a no-op.
 */
@ApplicationScoped
public class EventJournal {
    private static final String INSERT = """
            INSERT INTO event_journal (event_id, event_type, branch_id, subject, event_time, payload)
            VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (event_id) DO NOTHING""";

    private final AgroalDataSource dataSource;

    EventJournal(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CloudEvent<?> event) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            bind(s, event);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot journal " + event.type(), e);
        }
    }

    /** {@link #record} for several events as one JDBC batch: one round trip for a whole poll. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<? extends CloudEvent<?>> events) {
        if (events.size() <= 1) {
            events.forEach(this::record); // a failure then reads as from a single statement
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (CloudEvent<?> event : events) {
                bind(s, event);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot journal " + events.get(0).type()
                    + (events.size() > 1 ? " and " + (events.size() - 1) + " more events" : ""), e);
        }
    }

    private static void bind(PreparedStatement s, CloudEvent<?> event) throws SQLException {
        s.setObject(1, event.id());
        s.setString(2, event.type());
        s.setString(3, event.key());
        s.setString(4, event.subject());
        s.setTimestamp(5, Timestamp.from(event.time()));
        s.setString(6, EventCodec.toJson(event));
    }
}
