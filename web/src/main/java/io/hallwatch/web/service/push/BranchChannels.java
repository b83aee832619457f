package io.hallwatch.web.service.push;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open server-push (SSE) connections of one kind of screen, by branch: a screen joins with a
 * first event of its own, and what is broadcast to a branch reaches each of its screens. A
 * connection that is closed or fails a send is forgotten.
 */
public final class BranchChannels {
    private final Map<String, Set<SseEventSink>> sinks = new ConcurrentHashMap<>();
    private volatile Sse sse;

    /** A screen of {@code branchId} connected; it is sent {@code name}/{@code data} first. */
    public void open(String branchId, SseEventSink sink, Sse sse, String name, String data) {
        this.sse = sse;
        sinks.computeIfAbsent(branchId, b -> ConcurrentHashMap.newKeySet()).add(sink);
        send(branchId, sink, name, data);
    }

    public void broadcast(String branchId, String name, String data) {
        Set<SseEventSink> open = sinks.get(branchId);
        if (open == null || sse == null) {
            return;
        }
        for (SseEventSink sink : open) {
            send(branchId, sink, name, data);
        }
    }

    /** Screens connected now, every branch. */
    public int connected() {
        return sinks.values().stream().mapToInt(Set::size).sum();
    }

    private void send(String branchId, SseEventSink sink, String name, String data) {
        if (sink.isClosed()) {
            forget(branchId, sink);
            return;
        }
        OutboundSseEvent event = sse.newEventBuilder().name(name).data(data).build();
        sink.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                forget(branchId, sink);
            }
        });
    }

    private void forget(String branchId, SseEventSink sink) {
        Set<SseEventSink> open = sinks.get(branchId);
        if (open != null) {
            open.remove(sink);
        }
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
