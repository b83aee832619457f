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
import java.nio.charset.StandardCharsets;
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
        recordOne(event, EventCodec.toJson(event));
    }

    private void recordOne(CloudEvent<?> event, String payload) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            bind(s, event, payload);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot journal " + event.type(), e);
        }
    }

    /**
     * {@link #record} for a poll's events in one statement (one round trip, and one statement for
     * PostgreSQL to run instead of one per event): the poll's columns as arrays, each payload the
     * event's Kafka record value (the event as its producer encoded it, which decoded into
     * {@code events.get(i)}) rather than the event encoded again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<? extends CloudEvent<?>> events, List<byte[]> values) {
        if (values.size() != events.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + values.size() + " record values");
        }
        if (events.size() == 1) {
            recordOne(events.get(0), payloadOf(values.get(0))); // a failure then reads as from a single statement
            return;
        }
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[][] columns = new String[6][n];
        for (int i = 0; i < n; i++) {
            CloudEvent<?> event = events.get(i);
            columns[0][i] = event.id().toString();
            columns[1][i] = event.type();
            columns[2][i] = event.key();
            columns[3][i] = event.subject();
            columns[4][i] = event.time().toString();
            columns[5][i] = payloadOf(values.get(i));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO event_journal (event_id, event_type, branch_id, subject, event_time, payload)
                SELECT id, type, branch, subject, time, CAST(payload AS jsonb)
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
                    AS e(id, type, branch, subject, time, payload)
                ON CONFLICT (event_id) DO NOTHING""")) {
            for (int column = 0; column < columns.length; column++) {
                s.setArray(column + 1, c.createArrayOf("text", columns[column]));
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot journal " + events.get(0).type() + " and " + (n - 1) + " more events", e);
        }
    }

    private static String payloadOf(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private static void bind(PreparedStatement s, CloudEvent<?> event, String payload) throws SQLException {
        s.setObject(1, event.id());
        s.setString(2, event.type());
        s.setString(3, event.key());
        s.setString(4, event.subject());
        s.setTimestamp(5, Timestamp.from(event.time()));
        s.setString(6, payload);
    }
}
