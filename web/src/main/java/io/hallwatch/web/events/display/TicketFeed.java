package io.hallwatch.web.events.display;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import io.hallwatch.events.TicketCalled;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.TicketRecalled;
import io.hallwatch.events.Topics;
import io.hallwatch.web.domain.display.Announcement;
import io.hallwatch.web.service.display.DisplayHub;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads {@code hallwatch.tickets.v1} for the hall displays: a consumer group of this instance's own
 * (every instance sees every branch's calls), from the latest record, nothing committed (a display
 * needs only what happens from now on). Calls and recalls go to {@link DisplayHub} to be shown and
 * announced; other ticket events only tell the branch's displays to read the queue again. A record
 * that is not an event is skipped: it is the services' DLQs' business, not a display's.
 */
@ApplicationScoped
public class TicketFeed {
    private static final Logger LOG = Logger.getLogger(TicketFeed.class);

    private final DisplayHub hub;
    private final String bootstrap;
    private final String group = "hallwatch-web-" + UUID.randomUUID();
    private volatile boolean assigned;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    TicketFeed(DisplayHub hub, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.hub = hub;
        this.bootstrap = bootstrap;
    }

    void start(@Observes StartupEvent ignored) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        running = true;
        thread = new Thread(this::run, "web-ticket-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the feed holds its partitions, positioned: from then on every call reaches the displays. */
    public boolean ready() {
        return assigned;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.TICKETS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // Positions resolved now (latest), so that nothing after readiness is missed.
                    partitions.forEach(consumer::position);
                    assigned = !partitions.isEmpty();
                }
            });
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            LOG.errorf("ticket feed for the hall displays stopped: %s", e.toString());
        } finally {
            assigned = false;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        CloudEvent<?> event;
        try {
            event = EventCodec.fromBytes(record.value());
        } catch (RuntimeException e) { // EventFormatException and anything else unreadable
            return;
        }
        if (event.data() instanceof TicketCalled c) {
            hub.called(new Announcement(c.branchId(), c.ticketNumber(), c.businessType(), c.counterId(), 0, c.calledAt()));
        } else if (event.data() instanceof TicketRecalled r) {
            hub.called(new Announcement(r.branchId(), r.ticketNumber(), r.businessType(), r.counterId(), r.recallCount(), r.recalledAt()));
        }
        if (event.data() instanceof TicketEvent t) {
            hub.queueChanged(t.branchId());
        }
    }
}
