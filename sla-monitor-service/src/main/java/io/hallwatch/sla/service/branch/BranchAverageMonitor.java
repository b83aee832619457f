package io.hallwatch.sla.service.branch;

import io.hallwatch.common.Failures;
import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.domain.branch.BranchAverageRule;
import io.hallwatch.sla.domain.branch.RollingAverage;
import io.hallwatch.common.standard.BranchAverageLimits;
import io.hallwatch.sla.domain.policy.PolicyResolver;
import io.hallwatch.sla.domain.policy.PolicyVersion;
import io.hallwatch.sla.domain.detection.WatermarkBook;
import io.hallwatch.sla.events.timeline.ConsumerProgress;
import io.hallwatch.sla.events.timeline.WatermarkFollower;
import io.hallwatch.sla.metrics.SlaMetrics;
import io.hallwatch.sla.service.breach.BreachRecorder;
import io.hallwatch.sla.store.breach.BreachStore;
import io.hallwatch.sla.store.branch.BranchWaits;
import io.hallwatch.sla.store.detection.TimerStore;
import io.hallwatch.sla.store.policy.PolicyStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates every active branch's rolling mean wait, opens and clears the branch-average
 * breaches, and refreshes the per-branch gauges and the consumer-lag gauge.
 * <p>
 * The lag rule again: an evaluation is "as of" the latest moment T up to which every producer has
 * promised its topic complete (its watermark) and the consumer has applied everything below that
 * promise. A monitor catching up on a backlog, or a producer whose relay stalls, therefore never
 * makes customers count as still waiting who were in fact called; the evaluation waits instead.
 */
@ApplicationScoped
public class BranchAverageMonitor {
    private static final Logger LOG = Logger.getLogger(BranchAverageMonitor.class);

    private final BranchWaits waits;
    private final PolicyStore policies;
    private final BreachRecorder breaches;
    private final BreachStore findings;
    private final ConsumerProgress progress;
    private final WatermarkBook watermarks;
    private final TimerStore timers;
    private final SlaMetrics metrics;
    private final SlaConfig config;
    private final Clock clock;
    private volatile String lastFailure;

    BranchAverageMonitor(BranchWaits waits, PolicyStore policies, BreachRecorder breaches, BreachStore findings, ConsumerProgress progress,
                         WatermarkFollower follower, TimerStore timers, SlaMetrics metrics, SlaConfig config, Clock clock) {
        this.waits = waits;
        this.policies = policies;
        this.breaches = breaches;
        this.findings = findings;
        this.progress = progress;
        this.watermarks = follower.book();
        this.timers = timers;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        // Zero from the start, so that the panels and the alert have a series before the first delay.
        watermarks.producers().forEach(p -> metrics.delayedBranches(p, 0));
    }

    /** What one evaluation did; {@code asOf} is null when it waited for a producer's promise or the consumer. */
    public record Evaluation(Instant asOf, int branches, int opened, int cleared) {
    }

    @Scheduled(every = "${hallwatch.sla.branch-evaluation-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!config.schedulerEnabled()) {
            return;
        }
        try {
            evaluate();
            lastFailure = null;
        } catch (RuntimeException e) {
            String failure = Failures.describe(e);
            if (!Objects.equals(failure, lastFailure)) {
                LOG.warnf("Branch evaluation failed, retrying: %s", failure);
                lastFailure = failure;
            }
        }
    }

    public synchronized Evaluation evaluate() {
        Instant now = clock.instant();
        reportDelays(now);
        progress.lagByTopic().forEach(metrics::consumerLag);
        Optional<Instant> complete = watermarks.completeThrough(progress.appliedByInput());
        if (complete.isEmpty()) {
            return new Evaluation(null, 0, 0, 0);
        }
        Instant asOf = complete.get().isAfter(now) ? now : complete.get();
        PolicyVersion policy = policies.history().at(asOf);
        Duration horizon = PolicyResolver.widestAverageWindow(policy).plus(config.staleAfter());
        List<String> active = waits.active(asOf, horizon);
        int opened = 0;
        int cleared = 0;
        Set<String> quiet = new HashSet<>(metrics.branches());
        for (String branch : active) {
            quiet.remove(branch);
            BranchAverageLimits limits = PolicyResolver.branchAverage(policy, branch);
            RollingAverage average = waits.rollingAverage(branch, asOf, limits.window(), config.staleAfter());
            BranchWaits.Waiting waiting = waits.waiting(branch, asOf, config.staleAfter());
            metrics.branch(branch).set(waiting.count(),
                    waiting.oldestIssuedAt() == null || waiting.oldestIssuedAt().isAfter(asOf) ? Duration.ZERO
                            : Duration.between(waiting.oldestIssuedAt(), asOf), average.mean());
            BranchAverageRule.Decision decision = BranchAverageRule.decide(findings.branchAverageOpen(branch), average, limits.limit());
            Instant at = clock.instant();
            if (decision == BranchAverageRule.Decision.OPEN && QuarkusTransaction.requiringNew().call(() ->
                    breaches.openBranchAverage(branch, limits.limit(), limits.window(), average.mean(), asOf, at))) {
                opened++;
            } else if (decision == BranchAverageRule.Decision.CLEAR && QuarkusTransaction.requiringNew().call(() ->
                    breaches.clearBranchAverage(branch, average.mean(), at))) {
                cleared++;
            }
        }
        quiet.forEach(b -> metrics.branch(b).set(0, Duration.ZERO, Duration.ZERO));
        return new Evaluation(asOf, active.size(), opened, cleared);
    }

    /**
     * The branches whose due deadlines wait for a producer's promise, per producer, and how far
     * behind each producer's newest promise is: what operations are alerted on (a stalled relay),
     * never the duty manager.
     */
    private void reportDelays(Instant now) {
        Map<String, Optional<Instant>> newest = watermarks.newest();
        Map<String, Integer> delayed = new HashMap<>();
        newest.forEach((producer, promise) -> {
            delayed.put(producer, QuarkusTransaction.requiringNew().call(() -> timers.branchesDueAfter(promise.orElse(Instant.EPOCH), now)));
            metrics.producerPromiseDelay(producer, promise.map(p -> Duration.between(p, now)).orElse(null));
        });
        delayed.forEach(metrics::delayedBranches);
    }
}
