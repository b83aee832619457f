package io.hallwatch.web.events.feed;

import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One topic read for the screens' server push: a consumer group of this instance's own
 * ({@code hallwatch-web-<uuid>}: every instance sees every branch), from the latest record, nothing
 * committed (a screen needs only what happens from now on), on a thread of its own. Each event goes
 * to the handler; a record that is not an event is skipped (the services' DLQs' business, not a
 * screen's). {@link #ready()} once the partitions are held and positioned: from then on nothing
 * published is missed.
 */
public final class TopicFeed {
    private static final Logger LOG = Logger.getLogger(TopicFeed.class);

    private final String topic;
    private final String purpose;
    private final Consumer<CloudEvent<?>> handler;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean assigned;
    private volatile boolean running;

    /** {@code purpose} names the feed in its thread and log ("ticket feed for the hall displays"). */
    public TopicFeed(String bootstrap, String topic, String purpose, Consumer<CloudEvent<?>> handler) {
        this.topic = topic;
        this.purpose = purpose;
        this.handler = handler;
        String group = "hallwatch-web-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        this.thread = new Thread(this::run, "web-feed-" + topic);
        this.thread.setDaemon(true);
    }

    public void start() {
        running = true;
        thread.start();
    }

    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the feed holds its partitions, positioned: from then on every event reaches the handler. */
    public boolean ready() {
        return assigned;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
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
            LOG.errorf("%s stopped: %s", purpose, e.toString());
        } finally {
            assigned = false;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        CloudEvent<?> event;
        try {
            event = EventCodec.fromBytes(record.value());
        } catch (RuntimeException e) { // EventFormatException and anything else unreadable
            return;
        }
        try {
            handler.accept(event);
        } catch (RuntimeException e) {
            LOG.warnf("%s skipped an event of type %s: %s", purpose, event.type(), e.toString());
        }
    }
}
