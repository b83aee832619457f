package io.hallwatch.common.outbox;

import io.hallwatch.common.clock.ClockConfig;
import io.hallwatch.common.kafka.KafkaClients;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.ProducerWatermark;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The relay's watermarks: after a round, for each topic this service promises
 * ({@code hallwatch.outbox.watermark-topics}), a {@link ProducerWatermark} saying up to which event
 * time the topic holds everything this service committed, and below which offset of each
 * partition. Sent at most every {@code watermark-interval}, and also when the round sent nothing,
 * so that a consumer tells an idle producer from a stalled one. Only the relay holding the lock
 * publishes, on the relay's producer, after the round's events were acknowledged.
 */
@ApplicationScoped
public class OutboxWatermarks {
    private final KafkaClients clients;
    private final OutboxConfig config;
    private final Clock clock;
    private final double scale;
    private final String source;
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> ends = new ConcurrentHashMap<>();
    private volatile boolean endsStale = true;
    private volatile Instant last;
    private volatile long lastSentNanos;
    private volatile Admin admin;

    OutboxWatermarks(KafkaClients clients, OutboxConfig config, Clock clock, ClockConfig clockConfig, MeterRegistry registry,
                     @ConfigProperty(name = "quarkus.application.name") String source) {
        this.clients = clients;
        this.config = config;
        this.clock = clock;
        this.scale = clockConfig.scale();
        this.source = source;
        Gauge.builder("hallwatch.outbox.watermark.delay", this,
                        w -> w.last == null ? Double.NaN : Duration.between(w.last, w.clock.instant()).toNanos() / 1e9)
                .description("Platform clock minus the last watermark this relay published: how far behind its promise runs")
                .baseUnit("seconds").register(registry);
    }

    /** Whether this service promises watermarks at all. */
    public boolean enabled() {
        return !config.watermarkTopics().orElse(List.of()).isEmpty();
    }

    /** How long an idle relay may wait before the next heartbeat is due. */
    Duration interval() {
        return config.watermarkInterval();
    }

    /** What a round knows before it reads the outbox: the clock, and the oldest transaction still open. */
    public record RoundStart(Instant clock, Duration oldestOpenTx) {
    }

    /**
     * The topics' ends as last listed no longer cover everything sent: this relay is about to send,
     * or another instance may have relayed meanwhile (this one did not hold the lock).
     */
    void endsMayHaveMoved() {
        endsStale = true;
    }

    /** Call before the round reads its rows, on the round's connection. */
    RoundStart begin(Connection c) throws SQLException {
        Instant now = clock.instant();
        // Other client transactions of this database (this service's replicas, its own pool): one
        // that is open now may still commit an event stamped before now. Not autovacuum and the
        // like: they never write the outbox, and a long vacuum would hold every deadline back.
        try (PreparedStatement s = c.prepareStatement("""
                SELECT coalesce(extract(epoch FROM now() - min(xact_start)), 0) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL
                  AND backend_type = 'client backend'""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return new RoundStart(now, Duration.ofNanos(Math.max(0, Math.round(rs.getDouble(1) * 1e9))));
        }
    }

    /** A watermark to publish: the records, one per topic promised. */
    record Promise(Instant watermark, List<ProducerRecord<String, byte[]>> records) {
    }

    /**
     * Call after the round's events were acknowledged and marked sent: the watermark, if one is due.
     * {@code drained}: the round read every row unsent when it looked and sent them, so none older waits.
     * The relay sends it, then calls {@link #published}.
     */
    Optional<Promise> due(Connection c, RoundStart start, boolean drained) throws SQLException, InterruptedException {
        if (System.nanoTime() - lastSentNanos < config.watermarkInterval().toNanos()) {
            return Optional.empty();
        }
        Instant mark = WatermarkBound.of(start.clock(), start.oldestOpenTx(), drained ? null : oldestUnsent(c),
                config.watermarkAllowance(), scale, last);
        List<String> topics = config.watermarkTopics().orElse(List.of());
        if (endsStale) {
            // Cleared first: a send that starts while the ends are listed marks them stale again.
            endsStale = false;
            for (String topic : topics) {
                ends.put(topic, endOffsets(topic));
            }
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (String topic : topics) {
            CloudEvent<ProducerWatermark> event = CloudEvent.of("/hallwatch/" + source, clock.instant(),
                    new ProducerWatermark(source, topic, mark, ends.get(topic)));
            records.add(OutboxRelay.record(event.topic(), event.key(), EventCodec.toJson(event)));
        }
        return Optional.of(new Promise(mark, records));
    }

    /** The promise is on Kafka. */
    void published(Promise promise) {
        last = promise.watermark();
        lastSentNanos = System.nanoTime();
    }

    /** The last watermark published by this instance, or null. */
    public Instant last() {
        return last;
    }

    private static Instant oldestUnsent(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT min(event_time) FROM outbox_event WHERE sent_at IS NULL");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return t == null ? null : t.toInstant();
        }
    }

    /**
     * Every partition's end now, after this round's events were acknowledged: at or past each of
     * them (and of anything else on the partition, which only makes the promise cautious). Listed
     * again only after something was sent (an idle heartbeat reuses the last list, which still
     * covers everything this service sent).
     */
    private List<Long> endOffsets(String topic) throws InterruptedException {
        int n = partitions.computeIfAbsent(topic, this::describe);
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        for (int p = 0; p < n; p++) {
            query.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> ends;
        try {
            ends = admin().listOffsets(query).all().get(clients.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            endsStale = true;
            throw new OutboxException("Cannot list the ends of " + topic + " for its watermark", e);
        }
        List<Long> offsets = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            offsets.add(ends.get(new TopicPartition(topic, p)).offset());
        }
        return offsets;
    }

    private int describe(String topic) {
        try {
            Map<String, TopicDescription> d = admin().describeTopics(List.of(topic)).allTopicNames()
                    .get(clients.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return d.get(topic).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxException("Interrupted while describing " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new OutboxException("Cannot describe " + topic + " for its watermark", e);
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    int timeout = (int) clients.deliveryTimeout().toMillis();
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers(),
                            AdminClientConfig.CLIENT_ID_CONFIG, source + "-watermarks",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout));
                }
                a = admin;
            }
        }
        return a;
    }

    void onStop(@Observes ShutdownEvent event) {
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }
}
