package io.hallwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's own account of the load it offered, from the last totals line of its log
 * ({@code hallwatch.simulator.summary=totals}): tickets issued against what the day's profile asked
 * for, REST calls and failures, how late it ran its own steps, and the calls its per-kind budgets
 * shed (never sent: no room in time), held in flight and held waiting (0 in older logs).
 */
record SimulatorTotals(String simulatedTime, int branches, long issued, long expected, long refused, long served,
                       long requests, long requestsPerSecond, long failed, long lateMeanMillis, long lateMaxMillis,
                       long stepsOverSecond, long steps, long shed, long inFlight, long waiting, String byKind, long remoteTaken,
                       long remoteCheckedIn) {
    private static final Pattern LINE = Pattern.compile("\\[(\\S+)] totals: (\\d+) branches {2}issued (\\d+) of (\\d+) expected {2}"
            + "refused (\\d+) {2}served (\\d+) {2}requests (\\d+) \\((\\d+)/s\\) {2}failed (\\d+) {2}late mean (\\d+) ms max (\\d+) ms "
            + "\\((\\d+) of (\\d+) steps over 1 s\\)"
            // since the asynchronous simulator: calls shed by the per-kind budgets, in flight, waiting, and per kind
            + "(?: {2}shed (\\d+) {2}in flight (\\d+) {2}waiting (\\d+) {2}\\((.*)\\))?");
    /** Since issue 25: customers who took a ticket online before they came, and those of them checked in at the kiosk. */
    private static final Pattern REMOTE = Pattern.compile(" {2}remote taken (\\d+) checked in (\\d+)");

    static Optional<SimulatorTotals> last(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = LINE.matcher(lines.get(i));
                if (m.find()) {
                    Matcher r = REMOTE.matcher(lines.get(i));
                    boolean remote = r.find();
                    String byKind = m.group(17) == null ? "" : m.group(17).replaceAll("\\) {2}remote taken .*", "");
                    return Optional.of(new SimulatorTotals(m.group(1), Integer.parseInt(m.group(2)), l(m, 3), l(m, 4), l(m, 5), l(m, 6),
                            l(m, 7), l(m, 8), l(m, 9), l(m, 10), l(m, 11), l(m, 12), l(m, 13),
                            o(m, 14), o(m, 15), o(m, 16), byKind, remote ? l(r, 1) : 0, remote ? l(r, 2) : 0));
                }
            }
        } catch (IOException e) {
            // not written yet
        }
        return Optional.empty();
    }

    /**
     * Tickets the simulator really asked the platform for: issued (walk-ins and remote tickets checked in), refused,
     * and remote tickets taken online but not checked in yet or never: the day's profile counts those customers when
     * they took the ticket, the kiosk's count only when they come, up to 50 simulated minutes later.
     */
    long offered() {
        return issued + refused + Math.max(0, remoteTaken - remoteCheckedIn);
    }

    /** The line the simulator prints when its branches are set up and the day runs, if it did. */
    static Optional<String> started(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.matches("simulator: \\d+ branches, .*")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long o(Matcher m, int group) {
        return m.group(group) == null ? 0 : l(m, group);
    }

    private static long l(Matcher m, int group) {
        return Long.parseLong(m.group(group));
    }
}
