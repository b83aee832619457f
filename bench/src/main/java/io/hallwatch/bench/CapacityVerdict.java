package io.hallwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a scale run shows the platform serving the load it was asked for (issue 26, item 4): only when at least
 * 95 % of the asked tickets were really offered (a run that offered a fraction says nothing about the rest: its lags
 * stay flat because the load never came), every consumer group's lag stayed flat, and the kiosk's p99 was measured
 * under 50 ms. Anything else is "not met", with every reason; never "met" on a figure the run did not measure.
 * A run during which other work used more than 0.3 cores of the machine is "discarded": its figures are those of a
 * machine shared with something unknown, neither a capacity nor a failure to reach one.
 */
record CapacityVerdict(Outcome outcome, List<String> reasons) {
    enum Outcome { MET, NOT_MET, DISCARDED }

    static final double OFFERED_SHARE = 0.95;
    static final long KIOSK_P99_MILLIS = 50;
    static final double OTHER_WORK_CORES = 0.3;

    /**
     * {@code asked}: tickets the day's profile asked for; {@code offered}: tickets the simulator really asked the
     * platform for (issued and refused); {@code groupsGrowing}: consumer groups whose lag grew; {@code kioskP99Millis}:
     * null where the run did not measure it.
     */
    static CapacityVerdict judge(long asked, long offered, List<String> groupsGrowing, Long kioskP99Millis) {
        return judge(asked, offered, groupsGrowing, kioskP99Millis, 0, null);
    }

    /**
     * As above, and {@code kioskErrors}: probe tickets refused or unanswered (a kiosk that fails is not served, however
     * fast); {@code otherWorkCores}: the CPU other processes than the benchmark's used during the window, null where
     * unknown (then the run cannot show it was alone, and is discarded too).
     */
    static CapacityVerdict judge(long asked, long offered, List<String> groupsGrowing, Long kioskP99Millis, long kioskErrors,
                                 Double otherWorkCores) {
        if (otherWorkCores == null || otherWorkCores < 0) {
            return new CapacityVerdict(Outcome.DISCARDED, List.of("other work on the machine: not measured"));
        }
        if (otherWorkCores > OTHER_WORK_CORES) {
            return new CapacityVerdict(Outcome.DISCARDED, List.of(String.format(Locale.ROOT,
                    "other work on the machine: %.2f cores beside the benchmark's processes (at most %.1f allowed)", otherWorkCores,
                    OTHER_WORK_CORES)));
        }
        List<String> reasons = new ArrayList<>();
        double share = asked == 0 ? 0 : (double) offered / asked;
        if (share < OFFERED_SHARE) {
            reasons.add(String.format(Locale.ROOT, "only %.0f %% of the asked tickets were offered (%,d of %,d; at least %.0f %% needed)",
                    100 * share, offered, asked, 100 * OFFERED_SHARE));
        }
        if (!groupsGrowing.isEmpty()) {
            reasons.add("lag grew in " + String.join(", ", groupsGrowing));
        }
        if (kioskP99Millis == null) {
            reasons.add("the kiosk's p99 was not measured by this run");
        } else if (kioskP99Millis >= KIOSK_P99_MILLIS) {
            reasons.add("kiosk p99 " + kioskP99Millis + " ms (under " + KIOSK_P99_MILLIS + " ms needed)");
        }
        if (kioskErrors > 0) {
            reasons.add("the probe kiosk had " + kioskErrors + " tickets refused or unanswered");
        }
        return new CapacityVerdict(reasons.isEmpty() ? Outcome.MET : Outcome.NOT_MET, List.copyOf(reasons));
    }

    boolean met() {
        return outcome == Outcome.MET;
    }

    /** The word bench/capacity reads: met, not-met or discarded. */
    String word() {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String describe() {
        return switch (outcome) {
            case MET -> "**met**";
            case NOT_MET -> "**not met**: " + String.join("; ", reasons);
            case DISCARDED -> "**discarded** (not a result): " + String.join("; ", reasons);
        };
    }
}
