package io.hallwatch.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One kind of caller's share of the platform (kiosks, clerks or duty managers): at most
 * {@code limit} calls in flight at once, further calls wait in a line of at most {@code lineCapacity},
 * first come first served. A call that finds the line full, or waited longer than {@code maxWait}
 * for its turn, is shed: never sent, answered with {@link Api.Answer#SHED}, and counted. So one
 * kind cannot crowd out the others (idle clerks asking 12,000 times a second do not hold the
 * kiosks' calls back), the platform is not asked for more than the budgets allow in flight, and
 * the simulator's memory stays bounded however far behind the platform falls.
 */
final class CallBudget {
    record Snapshot(String name, int limit, int inFlight, int waiting, long sent, long shed) {
    }

    private record Waiting(Supplier<CompletableFuture<Api.Answer>> call, CompletableFuture<Api.Answer> result, long since) {
    }

    private final String name;
    private final int limit;
    private final int lineCapacity;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    /** Where calls that waited in line are started: not on the thread of the call that freed the slot. */
    private final Executor starter;
    private final ArrayDeque<Waiting> line = new ArrayDeque<>();
    private int inFlight;
    private final LongAdder sent = new LongAdder();
    private final LongAdder shed = new LongAdder();

    CallBudget(String name, int limit, int lineCapacity, long maxWaitNanos, LongSupplier nanoTime, Executor starter) {
        if (limit < 1 || lineCapacity < 0) {
            throw new IllegalArgumentException(name + ": limit must be at least 1 and the line not negative");
        }
        this.name = name;
        this.limit = limit;
        this.lineCapacity = lineCapacity;
        this.maxWaitNanos = maxWaitNanos;
        this.nanoTime = nanoTime;
        this.starter = starter;
    }

    /**
     * Sends {@code call} (which starts the request and returns its answer) now if the budget has
     * room, later if it must wait its turn, or never (the answer is then {@link Api.Answer#SHED}).
     */
    CompletableFuture<Api.Answer> submit(Supplier<CompletableFuture<Api.Answer>> call) {
        Waiting w = new Waiting(call, new CompletableFuture<>(), nanoTime.getAsLong());
        List<Waiting> overdue = new ArrayList<>();
        boolean start = false;
        boolean full = false;
        synchronized (this) {
            takeOverdue(w.since(), overdue);
            if (inFlight < limit && line.isEmpty()) {
                inFlight++;
                start = true;
            } else if (line.size() < lineCapacity) {
                line.add(w);
            } else {
                full = true;
            }
        }
        overdue.forEach(this::shed);
        if (start) {
            start(w);
        } else if (full) {
            shed(w);
        }
        return w.result();
    }

    /** Sheds the calls that have waited longer than allowed; run now and then, so that a stalled platform does not hold them. */
    void shedOverdue() {
        List<Waiting> overdue = new ArrayList<>();
        synchronized (this) {
            takeOverdue(nanoTime.getAsLong(), overdue);
        }
        overdue.forEach(this::shed);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(name, limit, inFlight, line.size(), sent.sum(), shed.sum());
    }

    private void takeOverdue(long now, List<Waiting> into) {
        // The line is in arrival order: the overdue ones are at its head.
        while (!line.isEmpty() && now - line.peek().since() > maxWaitNanos) {
            into.add(line.poll());
        }
    }

    private void start(Waiting w) {
        sent.increment();
        CompletableFuture<Api.Answer> answer;
        try {
            answer = w.call().get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(Api.Answer.FAILED);
        }
        answer.whenComplete((a, e) -> {
            release();
            w.result().complete(e == null ? a : Api.Answer.FAILED);
        });
    }

    /** A call came back: its slot goes to the next one in line that has not waited too long. */
    private void release() {
        List<Waiting> overdue = new ArrayList<>();
        Waiting next;
        synchronized (this) {
            takeOverdue(nanoTime.getAsLong(), overdue);
            next = line.poll();
            if (next == null) {
                inFlight--;
            }
        }
        overdue.forEach(this::shed);
        if (next != null) {
            Waiting n = next;
            starter.execute(() -> start(n));
        }
    }

    private void shed(Waiting w) {
        shed.increment();
        w.result().complete(Api.Answer.SHED);
    }
}
