package io.hallwatch.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.Failures;
import io.hallwatch.common.kafka.KafkaClients;
import io.hallwatch.events.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends committed outbox rows to Kafka in the order they were written, then marks them sent.
 * <p>
 * Rows are marked only after the broker acknowledged every one of them ({@code acks=all}), inside
 * the transaction that read them: a relay that dies between the send and the mark sends them
 * again on its next round, so an event may reach Kafka twice but never zero times; consumers
 * dedupe by event id. Only one instance relays at a time (a PostgreSQL advisory lock), which
 * keeps each branch's events in order when several replicas run.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any stable number; it names the relay's advisory lock in this service's database. */
    private static final long RELAY_LOCK = 0x68616c6c77L;

    private final AgroalDataSource dataSource;
    private final KafkaClients clients;
    private final OutboxConfig config;
    private final OutboxWatermarks watermarks;
    private final String applicationName;
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter failedRounds;
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile Thread loop;
    private volatile boolean running;

    OutboxRelay(AgroalDataSource dataSource, KafkaClients clients, OutboxConfig config, OutboxWatermarks watermarks,
                MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.clients = clients;
        this.config = config;
        this.watermarks = watermarks;
        this.applicationName = applicationName;
        this.published = Counter.builder("hallwatch.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(registry);
        this.failedRounds = Counter.builder("hallwatch.outbox.relay.failures")
                .description("Relay rounds that failed (broker or database unavailable) and will be retried").register(registry);
        Gauge.builder("hallwatch.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events committed but not yet acknowledged by Kafka").register(registry);
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (config.relayEnabled()) {
            running = true;
            Thread t = new Thread(this::runLoop, "outbox-relay");
            t.setDaemon(true);
            loop = t;
            t.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look for rows now rather than at its next poll. */
    void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    private void runLoop() {
        while (running) {
            try {
                // Sent rows are dropped a day at a time with their partition (retention.DailyPartitions), not here.
                int sent = relayOnce();
                if (sent < config.batchSize()) {
                    // An idle relay still wakes for its watermark heartbeat.
                    Duration idle = watermarks.enabled() && watermarks.interval().compareTo(config.pollInterval()) < 0
                            ? watermarks.interval() : config.pollInterval();
                    wakeups.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failedRounds.increment();
                LOG.warnf("Outbox relay round failed, retrying in %s: %s", config.retryBackoff(), Failures.describe(e));
                try {
                    Thread.sleep(config.retryBackoff().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round: sends up to a batch of unsent rows and marks them sent. Returns how many. */
    public int relayOnce() {
        return relayOnce(AfterPublish.NOTHING);
    }

    /**
     * One round, with {@code afterPublish} run between Kafka's acknowledgement and the mark-sent
     * commit: the window in which a crash must not lose an event. Tests use it to kill the relay
     * there.
     */
    int relayOnce(AfterPublish afterPublish) {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!tryLock(c)) {
                    watermarks.endsMayHaveMoved(); // another instance relays meanwhile
                    return 0;
                }
                OutboxWatermarks.RoundStart start = watermarks.enabled() ? watermarks.begin(c) : null;
                List<OutboxRow> rows = unsent(c, config.batchSize());
                if (!rows.isEmpty()) {
                    watermarks.endsMayHaveMoved();
                    send(rows);
                    afterPublish.run(rows.size());
                    markSent(c, rows);
                    published.increment(rows.size());
                }
                // A round that read fewer rows than a batch read every row unsent when it looked, and sent them all: no
                // row committed before that read waits (a later one's transaction was open at the round's start, or
                // began after it, which the watermark's other bounds cover). Only a full batch leaves rows behind to
                // count and to hold the watermark back: an idle relay's heartbeat reads the outbox once, not three times.
                boolean drained = rows.size() < config.batchSize();
                pending.set(drained ? 0 : countUnsent(c));
                if (start != null) {
                    publishWatermarks(c, start, drained);
                }
                return rows.size();
            }
        });
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, RELAY_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<OutboxRow> unsent(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT event_id, topic, record_key, payload FROM outbox_event
                WHERE sent_at IS NULL ORDER BY seq LIMIT ?""")) {
            s.setInt(1, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        }
    }

    /**
     * Hands the rows to the producer in seq order and waits, up to the delivery timeout, for every
     * acknowledgement. On any failure the producer is discarded with everything it still holds:
     * the next round resends from the first unsent row through a fresh producer, so what reaches a
     * partition is always a prefix of the rows followed by the resend, and the first copy of each
     * event (the one consumers keep) stays in order per branch.
     */
    private void send(List<OutboxRow> rows) throws InterruptedException {
        sendAll(rows.stream().map(row -> record(row.topic(), row.key(), row.payload())).toList(), "the outbox events");
    }

    /** A record as the relay sends every event: the structured CloudEvent as its value. */
    static ProducerRecord<String, byte[]> record(String topic, String key, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", EventCodec.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Sends in order and waits for every acknowledgement; on any failure the producer goes (see {@link #send}). */
    private void sendAll(List<ProducerRecord<String, byte[]>> records, String what) throws InterruptedException {
        KafkaProducer<String, byte[]> p = producer();
        long deadline = System.nanoTime() + clients.deliveryTimeout().toNanos();
        try {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(p.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            discard(p);
            throw new OutboxException("Kafka did not acknowledge " + what, e.getCause());
        } catch (TimeoutException e) {
            discard(p);
            throw new OutboxException("Kafka did not acknowledge " + what + " within " + clients.deliveryTimeout(), e);
        } catch (RuntimeException | InterruptedException e) {
            discard(p);
            throw e;
        }
    }

    /**
     * After the round's events are on Kafka and marked: the watermarks, if due. A failure here
     * discards the producer like a failed send; the events stay marked sent, the next round
     * publishes the watermark again.
     */
    private void publishWatermarks(Connection c, OutboxWatermarks.RoundStart start, boolean drained)
            throws SQLException, InterruptedException {
        Optional<OutboxWatermarks.Promise> due = watermarks.due(c, start, drained);
        if (due.isPresent()) {
            sendAll(due.get().records(), "the watermarks");
            watermarks.published(due.get());
        }
    }

    /** Closes the producer without waiting, dropping what it has not sent yet (the next round resends it). */
    private synchronized void discard(KafkaProducer<String, byte[]> p) {
        if (producer == p) {
            producer = null;
        }
        p.close(Duration.ZERO);
    }

    private static void markSent(Connection c, List<OutboxRow> rows) throws SQLException {
        // By the partition key: PostgreSQL touches the rows' days only, not every day the outbox keeps.
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox_event SET sent_at = now() WHERE event_id = ANY (?) AND sent_at IS NULL")) {
            s.setArray(1, c.createArrayOf("uuid", rows.stream().map(OutboxRow::eventId).toArray()));
            s.executeUpdate();
        }
    }

    private static long countUnsent(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = clients.orderedProducer(applicationName + "-outbox-relay");
                }
                p = producer;
            }
        }
        return p;
    }

    private record OutboxRow(UUID eventId, String topic, String key, String payload) {
    }

    /** What runs between the broker's acknowledgement and the mark-sent commit. */
    @FunctionalInterface
    interface AfterPublish {
        AfterPublish NOTHING = count -> {
        };

        void run(int published);
    }
}
