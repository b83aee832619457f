package io.hallwatch.web.domain.display;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last calls of each branch, newest first, so a display that opens (or reconnects) shows the
 * hall's recent calls at once. Bounded per branch. Thread-safe.
 */
public final class RecentCalls {
    private final int perBranch;
    private final Map<String, Deque<Announcement>> byBranch = new HashMap<>();

    public RecentCalls(int perBranch) {
        if (perBranch < 1) {
            throw new IllegalArgumentException("perBranch must be at least 1");
        }
        this.perBranch = perBranch;
    }

    public synchronized void add(Announcement call) {
        Deque<Announcement> calls = byBranch.computeIfAbsent(call.branchId(), b -> new ArrayDeque<>());
        // A recall replaces the earlier line of the same ticket: the hall sees it once, on top.
        calls.removeIf(c -> c.ticketNumber().equals(call.ticketNumber()));
        calls.addFirst(call);
        while (calls.size() > perBranch) {
            calls.removeLast();
        }
    }

    public synchronized List<Announcement> of(String branchId) {
        Deque<Announcement> calls = byBranch.get(branchId);
        return calls == null ? List.of() : List.copyOf(calls);
    }
}
