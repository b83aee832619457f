package io.hallwatch.common.journal;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.consumer.FirstDeliveries;
import io.hallwatch.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A consuming service's record of the events it applied, in event time (table {@code event_journal},
 * migration location {@code db/hallwatch-journal}), each as its Kafka record value. An upsert: a
 * redelivered event is a no-op, and its key is the record of first delivery of the one consumer
 * that journals ({@code EventConsumers.startJournaled}).
 */
@ApplicationScoped
public class EventJournal implements FirstDeliveries {
    private static final String INSERT = """
            INSERT INTO event_journal (event_id, event_type, branch_id, subject, event_time, payload)
            VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb)) ON CONFLICT (event_id) DO NOTHING""";

    private final AgroalDataSource dataSource;

    EventJournal(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private boolean recordOne(CloudEvent<?> event, String payload) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            bind(s, event, payload);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot journal " + event.type(), e);
        }
    }

    /** Journals the event from its record value: the journal's key is the consumer's record of first delivery. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean first(CloudEvent<?> event, byte[] value) {
        return recordOne(event, payloadOf(value));
    }

    /**
     * Journals a poll's events in one statement (one round trip, and one statement for PostgreSQL
     * to run instead of one per event), each as its Kafka record value: the event as its producer
     * encoded it, which decoded into {@code events.get(i)}, rather than the event encoded again.
     * The values go as one JSON array, which PostgreSQL takes apart itself: they are JSON already,
     * where six arrays of text (the payloads escaped character by character) were most of the
     * journal's cost to the SLA monitor's consumer (bench/README.md, 2). The array goes as the
     * records' bytes ({@code bytea}, sent as they are), not as a Java string the driver encodes to
     * UTF-8 again: PostgreSQL checks the encoding itself. Returns, for each event,
     * whether it was journaled now (its first delivery).
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] firsts(List<? extends CloudEvent<?>> events, List<byte[]> values) {
        if (values.size() != events.size()) {
            throw new IllegalArgumentException(events.size() + " events but " + values.size() + " record values");
        }
        if (events.size() == 1) {
            // A failure then reads as from a single statement.
            return new boolean[] {recordOne(events.get(0), payloadOf(values.get(0)))};
        }
        if (events.isEmpty()) {
            return new boolean[0];
        }
        Set<UUID> journaled = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO event_journal (event_id, event_type, branch_id, subject, event_time, payload)
                SELECT (e->>'id')::uuid, e->>'type', e->'data'->>'branchId', e->>'subject', (e->>'time')::timestamptz, e
                FROM jsonb_array_elements(convert_from(?, 'UTF8')::jsonb) AS e
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
            s.setBytes(1, jsonArrayOf(values));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    journaled.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot journal " + events.get(0).type() + " and " + (events.size() - 1)
                    + " more events", e);
        }
        boolean[] first = new boolean[events.size()];
        for (int i = 0; i < first.length; i++) {
            first[i] = journaled.remove(events.get(i).id());
        }
        return first;
    }

    private static byte[] jsonArrayOf(List<byte[]> values) {
        int size = values.size() + 1;
        for (byte[] value : values) {
            size += value.length;
        }
        byte[] array = new byte[size];
        array[0] = '[';
        int at = 1;
        for (byte[] value : values) {
            if (at > 1) {
                array[at++] = ',';
            }
            System.arraycopy(value, 0, array, at, value.length);
            at += value.length;
        }
        array[at] = ']';
        return array;
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
