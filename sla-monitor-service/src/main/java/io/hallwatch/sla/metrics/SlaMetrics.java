package io.hallwatch.sla.metrics;

import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.sla.store.policy.PolicyStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
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
 * <p>
 * The series per branch (and business type, and kind) are the Prometheus client's own labelled
 * metrics and a collector over the branches' figures, registered with the registry that
 * {@code /q/metrics} scrapes, not Micrometer meters: at 1,000 branches there are up to 18,000
 * wait and service histograms and as many finding counters, and as meters (an id, tags, bucket
 * configuration and a max window each, registered twice through the composite) they grew the
 * monitor's live heap through benchmark 4's simulated day until it was resident over its 256 MB
 * (bench/README.md, "4. Scale"), as they had the queue-service's (its {@code TicketMetrics}). The
 * names, labels and buckets are those the meters had; the client adds a {@code _created} series
 * per child, and there is no {@code _max}.
 */
@ApplicationScoped
public class SlaMetrics {
    static final String OTHER = "OTHER";
    /** The business_type tag of branch-level findings, which are about every type at once. */
    public static final String ALL = "ALL";
    private static final double[] WAIT_BUCKETS_SECONDS = minutes(1, 2, 5, 8, 10, 12, 15, 20, 30, 45, 60);
    private static final double[] HANDLING_BUCKETS_SECONDS = {30, 60, 120, 180, 300, 480, 600, 900, 1200, 1800};
    private static final Duration[] DELAY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(30)};

    /** The live figures of one branch, set by {@code service.branch.BranchAverageMonitor} at each evaluation. */
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
    private final Map<String, double[]> delayedBranches = new ConcurrentHashMap<>();
    private final Map<String, double[]> promiseDelay = new ConcurrentHashMap<>();
    private volatile KnownTypes knownTypes;
    private final Counter findings;
    private final Histogram waits;
    private final Histogram handlings;

    SlaMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus, PolicyStore policies) {
        this.registry = registry;
        this.policies = policies;
        CollectorRegistry scraped = prometheus.getPrometheusRegistry();
        // Label names in the order Micrometer printed them (alphabetical): the same lines as before.
        this.findings = Counter.build("hallwatch_sla_breaches", "SLA warnings and breaches raised, by kind")
                .labelNames("branch", "business_type", "kind").withoutExemplars().register(scraped);
        this.waits = Histogram.build("hallwatch_sla_wait_seconds", "Customer waits (issued to called) as observed by the SLA monitor")
                .labelNames("branch", "business_type").buckets(WAIT_BUCKETS_SECONDS).withoutExemplars().register(scraped);
        this.handlings = Histogram.build("hallwatch_sla_handling_seconds",
                        "Service times (started to finished) as observed by the SLA monitor")
                .labelNames("branch", "business_type").buckets(HANDLING_BUCKETS_SECONDS).withoutExemplars().register(scraped);
        new BranchFiguresCollector(branches).register(scraped);
    }

    /** A warning or breach was stored; {@code delay} is detected-at minus the moment it became due. */
    public void finding(SlaKind kind, String branch, String businessType, Duration delay) {
        findings.labels(branch, boundedType(businessType), kind.name()).inc();
        Timer.builder("hallwatch.sla.detection.delay").description("Detected-at minus the deadline of each finding")
                .tag("kind", kind.name()).serviceLevelObjectives(DELAY_BUCKETS).register(registry)
                .record(delay.isNegative() ? Duration.ZERO : delay);
    }

    public void waitObserved(String branch, String businessType, Duration wait) {
        waits.labels(branch, boundedType(businessType)).observe(wait.toMillis() / 1000.0);
    }

    public void handlingObserved(String branch, String businessType, Duration handling) {
        handlings.labels(branch, boundedType(businessType)).observe(handling.toMillis() / 1000.0);
    }

    /** The figures of one branch, in the scrape from the first time the branch is seen. */
    public BranchFigures branch(String branch) {
        return branches.computeIfAbsent(branch, b -> new BranchFigures());
    }

    public void consumerLag(String topic, long records) {
        consumerLag.computeIfAbsent(topic, t -> {
            double[] holder = new double[1];
            Gauge.builder("hallwatch.sla.consumer.lag", holder, h -> h[0]).baseUnit("records")
                    .description("Records on an input topic the SLA monitor has not applied yet").tag("topic", t).register(registry);
            return holder;
        })[0] = records;
    }

    /**
     * How many branches have a deadline due that {@code producer} has not promised yet: judged
     * late because of that producer, not because of any customer (an operations alert, never a page).
     */
    public void delayedBranches(String producer, int branches) {
        gauge(delayedBranches, "waiting_for", producer, "hallwatch.sla.delayed.branches", "branches",
                "Branches with a deadline due that a producer's watermark has not reached yet: their judgement waits for it")[0] = branches;
    }

    /** The clock minus {@code producer}'s newest watermark; NaN before its first. */
    public void producerPromiseDelay(String producer, Duration behind) {
        gauge(promiseDelay, "producer", producer, "hallwatch.sla.producer.watermark.delay", "seconds",
                "Platform clock minus the newest watermark of a producer the SLA monitor waits for")[0] =
                behind == null ? Double.NaN : behind.toMillis() / 1000.0;
    }

    private double[] gauge(Map<String, double[]> holders, String tag, String producer, String name, String unit, String description) {
        return holders.computeIfAbsent(producer, p -> {
            double[] holder = new double[1];
            Gauge.builder(name, holder, h -> h[0]).baseUnit(unit).description(description).tag(tag, p).register(registry);
            return holder;
        });
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
                    .map(ServiceStandard.BusinessTypeLimits::businessType).collect(Collectors.toUnmodifiableSet()));
            knownTypes = known;
        }
        return known.types();
    }

    private record KnownTypes(PolicyHistory of, Set<String> types) {
    }

    private static double[] minutes(int... values) {
        double[] seconds = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            seconds[i] = values[i] * 60.0;
        }
        return seconds;
    }
}
