package io.hallwatch.sla.service.detection;

import io.hallwatch.common.Failures;
import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.domain.detection.Finding;
import io.hallwatch.sla.domain.detection.PartitionFence;
import io.hallwatch.sla.domain.detection.TicketDetector;
import io.hallwatch.sla.domain.detection.TicketFacts;
import io.hallwatch.sla.domain.detection.WatermarkBook;
import io.hallwatch.sla.events.timeline.ConsumerProgress;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
import io.hallwatch.sla.service.breach.BreachRecorder;
import io.hallwatch.sla.store.breach.BreachStore;
import io.hallwatch.sla.store.detection.TicketStore;
import io.hallwatch.sla.store.detection.TimerStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fires due timers. Runs every {@code hallwatch.sla.timer-scan-interval} on a thread of its own
 * (Quarkus's scheduler does not go below a second, and the scan interval bounds how late a breach
 * is raised), and again whenever a producer's promise arrives; tests call {@link #scan()} after
 * moving the clock; time is read only from the injected clock. A monitor that starts runs a scan
 * at once: timers that came due while it was down fire then.
 * <p>
 * The lag rule: a timer due at D waits until every producer that can still change the ticket has
 * promised a watermark at or past D ({@link WatermarkBook}); that promise's offsets on the
 * branch's partitions become the timer's fence, and it fires only once the consumer has applied
 * everything up to the fence. So a customer called at 14:59 is known to be called before the
 * 15:00 timer may fire, however late the queue's relay published the call and however far behind
 * the consumer is: a late producer delays a breach, it never makes a false one.
 */
@ApplicationScoped
public class TimerScanner {
    private static final Logger LOG = Logger.getLogger(TimerScanner.class);

    private final TimerStore timers;
    private final TicketStore tickets;
    private final BreachRecorder breaches;
    private final BreachStore findings;
    private final TicketDetector detector;
    private final ConsumerProgress progress;
    private final WatermarkBook watermarks;
    private final SlaConfig config;
    private final Clock clock;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile boolean paused;
    private volatile String lastFailure;
    private ScheduledExecutorService ticker;
    /** Process time (not platform time) of the last scan that completed, for the health check. */
    private volatile long lastCompletedNanos = System.nanoTime();

    TimerScanner(TimerStore timers, TicketStore tickets, BreachRecorder breaches, BreachStore findings, TicketDetector detector,
                 ConsumerProgress progress, WatermarkFollower follower, SlaConfig config, Clock clock) {
        this.timers = timers;
        this.tickets = tickets;
        this.breaches = breaches;
        this.findings = findings;
        this.detector = detector;
        this.progress = progress;
        this.watermarks = follower.book();
        this.config = config;
        this.clock = clock;
        follower.onPromise(this::wake);
    }

    /** What one scan did: timers that raised a finding or were done, and timers still held by the lag rule. */
    public record ScanResult(int handled, int raised, int held) {
    }

    void onStart(@Observes StartupEvent event) {
        if (config.schedulerEnabled()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sla-timer-scan");
                t.setDaemon(true);
                return t;
            });
            long every = config.timerScanInterval().toMillis();
            // Fixed delay: a slow round is never run twice at once.
            ticker.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** A new promise may let held timers fire: one extra scan, however many promises arrive meanwhile. */
    private void wake() {
        ScheduledExecutorService t = ticker;
        if (t != null && wakePending.compareAndSet(false, true)) {
            try {
                t.execute(this::tick);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakePending.set(false); // shutting down
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    void tick() {
        wakePending.set(false);
        if (paused) {
            return;
        }
        try {
            ScanResult r;
            do {
                r = scan();
            } while (r.handled() + r.held() >= config.timerBatchSize() && r.handled() > 0);
            lastCompletedNanos = System.nanoTime();
            lastFailure = null;
        } catch (RuntimeException | LinkageError e) {
            // Caught whatever it is: an escaping throwable would silently end the schedule.
            String failure = Failures.describe(e);
            if (!failure.equals(lastFailure)) { // once per kind of failure, not every 100 ms
                LOG.warnf("Timer scan failed, retrying: %s", failure);
                lastFailure = failure;
            }
        }
    }

    /** One round over the due timers (at most a batch). */
    public ScanResult scan() {
        Instant now = clock.instant();
        List<String> branches = QuarkusTransaction.requiringNew().call(() -> timers.dueBranches(now, config.timerBatchSize()));
        if (branches.isEmpty()) {
            return new ScanResult(0, 0, 0);
        }
        Map<String, ConsumerProgress.BranchLag> lag = progress.snapshot(branches);
        return QuarkusTransaction.requiringNew().call(() -> {
            int handled = 0;
            int raised = 0;
            int held = 0;
            for (TimerStore.Timer timer : timers.claimDue(now, config.timerBatchSize())) {
                ConsumerProgress.BranchLag branch = lag.get(timer.branchId());
                if (branch == null) {
                    held++; // came due after the snapshot: next round
                    continue;
                }
                PartitionFence fence = timer.fence();
                if (fence == null) {
                    WatermarkBook.Judgement judgement = watermarks.judge(timer.dueAt(), branch.partitions());
                    if (!judgement.ready()) {
                        held++; // a producer has not promised the deadline yet: delayed, not judged
                        continue;
                    }
                    fence = judgement.fence();
                    if (!branch.passes(fence)) {
                        timers.fence(timer, fence, now);
                    }
                }
                if (!branch.passes(fence)) {
                    held++;
                    continue;
                }
                Optional<TicketStore.StoredTicket> ticket = tickets.tryLock(timer.ticketId());
                if (ticket.isEmpty()) {
                    held++; // an event is being applied to it right now
                    continue;
                }
                TicketFacts facts = ticket.get().facts();
                TicketDetector.Outcome outcome = detector.onDue(facts, ticket.get().limits(),
                        findings.raisedKinds(facts.ticketId()), timer.kind(), now);
                for (Finding f : outcome.findings()) {
                    if (breaches.record(facts, f)) {
                        raised++;
                    }
                }
                timers.replace(facts.ticketId(), facts.branchId(), outcome.timers());
                handled++;
            }
            return new ScanResult(handled, raised, held);
        });
    }

    /** How long ago the last scheduled scan completed (a paused scanner counts as scanning). */
    public java.time.Duration sinceLastScan() {
        return paused || !config.schedulerEnabled() ? java.time.Duration.ZERO : java.time.Duration.ofNanos(System.nanoTime() - lastCompletedNanos);
    }

    /** The last scan failure, if the latest scans failed. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Stops firing timers (they stay stored and due), as a stopped instance would. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }
}
