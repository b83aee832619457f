package io.hallwatch.sla.events.timeline;

import io.hallwatch.common.consumer.DeadLetters;
import io.hallwatch.common.kafka.KafkaClients;
import io.hallwatch.common.kafka.StateTopicReader;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.ProducerWatermark;
import io.hallwatch.events.Topics;
import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.domain.detection.WatermarkBook;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Follows the producers' watermarks ({@link Topics#WATERMARKS}) into the {@link WatermarkBook}
 * the timer scan and the branch evaluation judge by. Every instance reads the whole topic (no
 * group): each must know every producer's promise for the branches it judges.
 */
@ApplicationScoped
public class WatermarkFollower {
    private final WatermarkBook book;
    private final StateTopicReader reader;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    WatermarkFollower(KafkaClients clients, DeadLetters deadLetters, SlaConfig config) {
        this.book = new WatermarkBook(new WatermarkBook.Input(Topics.TICKETS, config.ticketsProducers()),
                new WatermarkBook.Input(Topics.SERVICES, config.servicesProducers()), config.watermarksKept());
        // A short poll: a promise that passes a deadline should reach the scan at once.
        this.reader = new StateTopicReader(clients, deadLetters, Topics.WATERMARKS, "sla-monitor-watermarks", Duration.ofMillis(50),
                this::read);
    }

    void onStart(@Observes StartupEvent event) {
        reader.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        reader.stop();
    }

    public WatermarkBook book() {
        return book;
    }

    /** The offset after the last watermark record read. */
    public long position() {
        return reader.position();
    }

    /** Called (on the follower's thread) after each promise is taken. */
    public void onPromise(Runnable listener) {
        listeners.add(listener);
    }

    private String read(CloudEvent<?> event) {
        if (!(event.data() instanceof ProducerWatermark w)) {
            return event.type() + " does not belong on " + Topics.WATERMARKS;
        }
        book.record(w.source(), w.topic(), w.watermark(), w.endOffsets());
        listeners.forEach(Runnable::run);
        return null;
    }
}
