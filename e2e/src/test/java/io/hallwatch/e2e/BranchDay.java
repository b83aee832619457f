package io.hallwatch.e2e;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted hour of a two-counter hall, and the timeline it implies.
 * <p>
 * The script says who arrives when, for which business type, how long their service takes and
 * whether they come to the counter at all, plus when a clerk takes a break. {@link #timeline()}
 * plays it the way clerks work — a free counter calls the longest-waiting customer (FIFO: every
 * ticket is an ordinary one at an ordinary counter, so the queue's policy calls in issue order), the
 * customer walks up in 30 s, the clerk needs 20 s between customers, a customer who does not come
 * is marked a no-show after 60 s, a break starts when the clerk is free — and produces the list of
 * timed kiosk and counter actions the end-to-end test sends, and every ticket's fate, from which
 * {@link DayOracle} derives what the services must conclude. Times are simulated seconds from the
 * start of the script.
 */
final class BranchDay {
    static final long WALK_UP = 30;
    static final long NO_SHOW_AFTER = 60;
    static final long TIDY_UP = 20;
    /** A customer is noticed by the counters this long after the kiosk printed the ticket. */
    static final long NOTICED_AFTER = 10;

    enum Kind { SIGN_IN, RESUME, ISSUE, PAUSE, CALL, START, NO_SHOW, FINISH }

    record Arrival(String label, long at, String businessType, String customerRef, long handlingSeconds, boolean noShow) {
    }

    record Break(String counterId, long from, long seconds, String reason) {
    }

    record Counter(String counterId, String clerkId) {
    }

    /** One request the test sends: {@code ticket} is the arrival's label (issue, call, start, finish, no-show). */
    record Action(long at, Kind kind, String counterId, String ticket) {
    }

    /** What happened to one ticket. {@code startedAt}/{@code finishedAt} are -1 for a no-show. */
    record Fate(Arrival arrival, Counter counter, long calledAt, long startedAt, long finishedAt) {
        long waitSeconds() {
            return calledAt - arrival.at();
        }

        boolean served() {
            return finishedAt >= 0;
        }

        long handlingSeconds() {
            return finishedAt - startedAt;
        }
    }

    record Timeline(List<Action> actions, Map<String, Fate> fates, List<Break> breaks, long end) {
    }

    final List<Counter> counters;
    final List<Arrival> arrivals;
    final List<Break> breaks;

    BranchDay(List<Counter> counters, List<Arrival> arrivals, List<Break> breaks) {
        this.counters = List.copyOf(counters);
        this.arrivals = arrivals.stream().sorted(Comparator.comparingLong(Arrival::at)).toList();
        this.breaks = List.copyOf(breaks);
    }

    /**
     * The script the end-to-end test plays: a quiet start, a burst while one of the two clerks is
     * on a 20-minute break (the queue builds, customers wait past 15 minutes, the hall's rolling
     * average crosses the line), then a steady afternoon trickle that brings the average back.
     */
    static BranchDay standard(String heavyDataUser, String optedOut, String lateCustomer) {
        List<Arrival> a = new ArrayList<>();
        // Quiet start: everyone is called at once; one payment overruns, one customer never comes.
        a.add(new Arrival("Q1", 0, "PAYMENT", null, 30, false));
        a.add(new Arrival("Q2", 120, "GENERAL", heavyDataUser, 150, false));
        a.add(new Arrival("Q3", 240, "PAYMENT", null, 200, false));
        a.add(new Arrival("Q4", 360, "NEW_LINE", optedOut, 200, false));
        a.add(new Arrival("Q5", 480, "GENERAL", null, 0, true));
        a.add(new Arrival("Q6", 600, "BROADBAND", null, 240, false));
        // Burst: twenty-four customers in eight minutes while C02 is on its break.
        for (int i = 0; i < 24; i++) {
            String type = i % 3 == 2 ? "PAYMENT" : "GENERAL";
            long handling = type.equals("PAYMENT") ? 30 : (i == 4 ? 420 : 150);
            String customer = i == 12 ? lateCustomer : null;
            a.add(new Arrival("B" + (i + 1), 720 + 20L * i, type, customer, handling, false));
        }
        // Afternoon trickle of quick payments, called at once, diluting the rolling average.
        for (int i = 0; i < 30; i++) {
            a.add(new Arrival("T" + (i + 1), 3900 + 60L * i, "PAYMENT", null, 30, false));
        }
        return new BranchDay(List.of(new Counter("C01", "clerk-a"), new Counter("C02", "clerk-b")), a,
                List.of(new Break("C02", 700, 1200, "BREAK")));
    }

    Timeline timeline() {
        List<Action> actions = new ArrayList<>();
        Map<String, Fate> fates = new LinkedHashMap<>();
        Map<String, Long> freeAt = new LinkedHashMap<>();
        Map<String, Long> pausedUntil = new LinkedHashMap<>();
        List<Break> pending = new ArrayList<>(breaks);
        List<Break> taken = new ArrayList<>();
        Deque<Arrival> queue = new ArrayDeque<>();
        int next = 0;
        for (Counter c : counters) {
            actions.add(new Action(0, Kind.SIGN_IN, c.counterId(), null));
            freeAt.put(c.counterId(), 0L);
        }
        long t = 0;
        while (next < arrivals.size() || !queue.isEmpty() || !pausedUntil.isEmpty() || !pending.isEmpty()) {
            while (next < arrivals.size() && arrivals.get(next).at() == t) {
                Arrival arrival = arrivals.get(next++);
                queue.addLast(arrival);
                actions.add(new Action(t, Kind.ISSUE, null, arrival.label()));
            }
            for (Counter c : counters) {
                String id = c.counterId();
                if (t < freeAt.get(id)) {
                    continue;
                }
                Long until = pausedUntil.get(id);
                if (until != null) {
                    if (t < until) {
                        continue;
                    }
                    pausedUntil.remove(id);
                    actions.add(new Action(t, Kind.RESUME, id, null));
                }
                long now = t;
                Break due = pending.stream().filter(b -> b.counterId().equals(id) && b.from() <= now).findFirst().orElse(null);
                if (due != null) {
                    pending.remove(due);
                    Break actual = new Break(id, t, due.seconds(), due.reason());
                    taken.add(actual);
                    pausedUntil.put(id, t + due.seconds());
                    actions.add(new Action(t, Kind.PAUSE, id, null));
                    continue;
                }
                if (queue.isEmpty() || queue.peekFirst().at() + NOTICED_AFTER > t) {
                    continue;
                }
                Arrival called = queue.removeFirst();
                actions.add(new Action(t, Kind.CALL, id, called.label()));
                if (called.noShow()) {
                    actions.add(new Action(t + NO_SHOW_AFTER, Kind.NO_SHOW, id, called.label()));
                    fates.put(called.label(), new Fate(called, c, t, -1, -1));
                    freeAt.put(id, t + NO_SHOW_AFTER + TIDY_UP);
                } else {
                    long start = t + WALK_UP;
                    long finish = start + called.handlingSeconds();
                    actions.add(new Action(start, Kind.START, id, called.label()));
                    actions.add(new Action(finish, Kind.FINISH, id, called.label()));
                    fates.put(called.label(), new Fate(called, c, t, start, finish));
                    freeAt.put(id, finish + TIDY_UP);
                }
            }
            t++;
        }
        long end = freeAt.values().stream().mapToLong(Long::longValue).max().orElse(t);
        actions.sort(Comparator.comparingLong(Action::at).thenComparing(Action::kind).thenComparing(
                a -> a.counterId() == null ? "" : a.counterId()));
        return new Timeline(List.copyOf(actions), fates, List.copyOf(taken), end);
    }
}
