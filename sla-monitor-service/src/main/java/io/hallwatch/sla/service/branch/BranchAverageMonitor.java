package io.hallwatch.sla.service.branch;

import io.hallwatch.common.Failures;
import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.domain.branch.BranchAverageRule;
import io.hallwatch.sla.domain.branch.RollingAverage;
import io.hallwatch.common.standard.BranchAverageLimits;
import io.hallwatch.sla.domain.policy.PolicyResolver;
import io.hallwatch.sla.domain.policy.PolicyVersion;
import io.hallwatch.sla.events.timeline.ConsumerProgress;
import io.hallwatch.sla.metrics.SlaMetrics;
import io.hallwatch.sla.service.breach.BreachRecorder;
import io.hallwatch.sla.store.breach.BreachStore;
import io.hallwatch.sla.store.branch.BranchWaits;
import io.hallwatch.sla.store.policy.PolicyStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates every active branch's rolling mean wait, opens and clears the branch-average
 * breaches, and refreshes the per-branch gauges and the consumer-lag gauge.
 * <p>
 * The lag rule again: an evaluation is "as of" a moment T (the clock minus the grace when the
 * snapshot was taken), and runs only once the consumer has applied every input partition up to
 * where it stood then. A monitor catching up on a backlog therefore never counts customers as
 * still waiting who were in fact called.
 */
@ApplicationScoped
public class BranchAverageMonitor {
    private static final Logger LOG = Logger.getLogger(BranchAverageMonitor.class);

    private final BranchWaits waits;
    private final PolicyStore policies;
    private final BreachRecorder breaches;
    private final BreachStore findings;
    private final ConsumerProgress progress;
    private final SlaMetrics metrics;
    private final SlaConfig config;
    private final Clock clock;
    private Snapshot pending;
    private volatile String lastFailure;

    BranchAverageMonitor(BranchWaits waits, PolicyStore policies, BreachRecorder breaches, BreachStore findings, ConsumerProgress progress,
                         SlaMetrics metrics, SlaConfig config, Clock clock) {
        this.waits = waits;
        this.policies = policies;
        this.breaches = breaches;
        this.findings = findings;
        this.progress = progress;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    private record Snapshot(Instant asOf, Map<TopicPartition, Long> ends) {
    }

    /** What one evaluation did; {@code asOf} is null when it waited for the consumer. */
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
        if (pending == null) {
            pending = new Snapshot(clock.instant().minus(config.grace()), progress.inputEnds());
        }
        if (!progress.appliedUpTo(pending.ends())) {
            return new Evaluation(null, 0, 0, 0);
        }
        Instant asOf = pending.asOf();
        pending = null;
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
                    waiting.oldestIssuedAt() == null ? Duration.ZERO : Duration.between(waiting.oldestIssuedAt(), asOf), average.mean());
            BranchAverageRule.Decision decision = BranchAverageRule.decide(findings.branchAverageOpen(branch), average, limits.limit());
            Instant now = clock.instant();
            if (decision == BranchAverageRule.Decision.OPEN && QuarkusTransaction.requiringNew().call(() ->
                    breaches.openBranchAverage(branch, limits.limit(), limits.window(), average.mean(), asOf, now))) {
                opened++;
            } else if (decision == BranchAverageRule.Decision.CLEAR && QuarkusTransaction.requiringNew().call(() ->
                    breaches.clearBranchAverage(branch, average.mean(), now))) {
                cleared++;
            }
        }
        quiet.forEach(b -> metrics.branch(b).set(0, Duration.ZERO, Duration.ZERO));
        progress.lagByTopic().forEach(metrics::consumerLag);
        return new Evaluation(asOf, active.size(), opened, cleared);
    }
}
