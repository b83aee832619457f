package io.hallwatch.sla.metrics;

import io.hallwatch.sla.detection.SlaKind;
import io.hallwatch.sla.policy.PolicyDocument;
import io.hallwatch.sla.policy.PolicyHistory;
import io.hallwatch.sla.policy.PolicyStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The monitor's metrics, read by the Grafana dashboards. Tags are bounded: branch, business type
 * (a type the policy does not know is counted as {@code OTHER}, so a misbehaving producer cannot
 * blow up the series), kind, topic. Never a ticket, counter or clerk.
 */
@ApplicationScoped
public class SlaMetrics {
    static final String OTHER = "OTHER";
    /** The business_type tag of branch-level findings, which are about every type at once. */
    public static final String ALL = "ALL";
    private static final Duration[] WAIT_BUCKETS = minutes(1, 2, 5, 8, 10, 12, 15, 20, 30, 45, 60);
    private static final Duration[] HANDLING_BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(8), Duration.ofMinutes(10), Duration.ofMinutes(15),
            Duration.ofMinutes(20), Duration.ofMinutes(30)};
    private static final Duration[] DELAY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(30)};

    /** The live figures of one branch, refreshed by {@code status.BranchFiguresRefresher}. */
    public static final class BranchFigures {
        volatile double waitingNow;
        volatile double oldestWaitSeconds;
        volatile double rollingAverageWaitSeconds;

        public void set(long waiting, Duration oldest, Duration rollingAverage) {
            waitingNow = waiting;
            oldestWaitSeconds = oldest.toMillis() / 1000.0;
            rollingAverageWaitSeconds = rollingAverage.toMillis() / 1000.0;
        }
    }

    private final MeterRegistry registry;
    private final PolicyStore policies;
    private final Map<String, BranchFigures> branches = new ConcurrentHashMap<>();
    private final Map<String, double[]> consumerLag = new ConcurrentHashMap<>();
    private volatile KnownTypes knownTypes;
    private final Map<BranchType, Timer> waits = new ConcurrentHashMap<>();
    private final Map<BranchType, Timer> handlings = new ConcurrentHashMap<>();

    SlaMetrics(MeterRegistry registry, PolicyStore policies) {
        this.registry = registry;
        this.policies = policies;
    }

    /** A warning or breach was stored; {@code delay} is detected-at minus the moment it became due. */
    public void finding(SlaKind kind, String branch, String businessType, Duration delay) {
        Counter.builder("hallwatch.sla.breaches").description("SLA warnings and breaches raised, by kind")
                .tag("kind", kind.name()).tag("branch", branch).tag("business_type", boundedType(businessType))
                .register(registry).increment();
        Timer.builder("hallwatch.sla.detection.delay").description("Detected-at minus the deadline of each finding")
                .tag("kind", kind.name()).serviceLevelObjectives(DELAY_BUCKETS).register(registry)
                .record(delay.isNegative() ? Duration.ZERO : delay);
    }

    /*
     * Every wait and every service is observed once, so these two timers are looked up for about
     * every other event: they are kept by branch and type, instead of building and registering
     * the meter each time (6 % of the timeline consumer's CPU in benchmark 2's profile).
     */
    public void waitObserved(String branch, String businessType, Duration wait) {
        timer(waits, "hallwatch.sla.wait", "Customer waits (issued to called) as observed by the SLA monitor",
                WAIT_BUCKETS, branch, businessType).record(wait);
    }

    public void handlingObserved(String branch, String businessType, Duration handling) {
        timer(handlings, "hallwatch.sla.handling", "Service times (started to finished) as observed by the SLA monitor",
                HANDLING_BUCKETS, branch, businessType).record(handling);
    }

    private Timer timer(Map<BranchType, Timer> kept, String name, String description, Duration[] buckets,
                        String branch, String businessType) {
        String type = boundedType(businessType);
        return kept.computeIfAbsent(new BranchType(branch, type), k -> Timer.builder(name).description(description)
                .tag("branch", branch).tag("business_type", type)
                .serviceLevelObjectives(buckets).register(registry));
    }

    private record BranchType(String branch, String businessType) {
    }

    /** The gauges of one branch, registered the first time the branch is seen. */
    public BranchFigures branch(String branch) {
        return branches.computeIfAbsent(branch, b -> {
            BranchFigures f = new BranchFigures();
            Gauge.builder("hallwatch.sla.waiting.now", f, x -> x.waitingNow)
                    .description("Customers waiting now (issued, not yet called)").tag("branch", b).register(registry);
            Gauge.builder("hallwatch.sla.oldest.wait", f, x -> x.oldestWaitSeconds).baseUnit("seconds")
                    .description("How long the longest-waiting customer has waited").tag("branch", b).register(registry);
            Gauge.builder("hallwatch.sla.branch.average.wait", f, x -> x.rollingAverageWaitSeconds).baseUnit("seconds")
                    .description("The branch's rolling mean wait over its policy window").tag("branch", b).register(registry);
            return f;
        });
    }

    public void consumerLag(String topic, long records) {
        consumerLag.computeIfAbsent(topic, t -> {
            double[] holder = new double[1];
            Gauge.builder("hallwatch.sla.consumer.lag", holder, h -> h[0]).baseUnit("records")
                    .description("Records on an input topic the SLA monitor has not applied yet").tag("topic", t).register(registry);
            return holder;
        })[0] = records;
    }

    /** Every branch with gauges, to zero those that went quiet. */
    public Set<String> branches() {
        return Set.copyOf(branches.keySet());
    }

    String boundedType(String businessType) {
        if (ALL.equals(businessType)) {
            return ALL;
        }
        if (businessType == null) {
            return OTHER;
        }
        return knownTypes().contains(businessType) ? businessType : OTHER;
    }

    /** The business types of the current policy, worked out once per policy history read. */
    private Set<String> knownTypes() {
        PolicyHistory history = policies.lastRead();
        KnownTypes known = knownTypes;
        if (known == null || known.of() != history) {
            known = new KnownTypes(history, history.current().document().businessTypes().stream()
                    .map(PolicyDocument.BusinessTypeLimits::businessType).collect(Collectors.toUnmodifiableSet()));
            knownTypes = known;
        }
        return known.types();
    }

    private record KnownTypes(PolicyHistory of, Set<String> types) {
    }

    private static Duration[] minutes(int... values) {
        Duration[] d = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = Duration.ofMinutes(values[i]);
        }
        return d;
    }
}
