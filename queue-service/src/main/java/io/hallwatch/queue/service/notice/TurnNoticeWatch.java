package io.hallwatch.queue.service.notice;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs the "your turn is near" watch every {@code hallwatch.queue.turn-notice.every} (real time). Safe with several
 * replicas: each takes the consents it locks ({@code SKIP LOCKED}) and marks one told only if no one did.
 */
@ApplicationScoped
public class TurnNoticeWatch {
    private static final Logger LOG = Logger.getLogger(TurnNoticeWatch.class);

    private final TurnNoticeService notices;

    TurnNoticeWatch(TurnNoticeService notices) {
        this.notices = notices;
    }

    @Scheduled(every = "${hallwatch.queue.turn-notice.every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            notices.tellDue();
        } catch (RuntimeException e) {
            // The next round tries again; a consent is told once, whichever round or replica does it.
            LOG.warnf(e, "The turn-notice watch failed; tried again in the next round");
        }
    }
}
