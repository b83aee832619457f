package io.hallwatch.web.service.display;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.web.config.WebConfig;
import io.hallwatch.web.domain.display.Announcement;
import io.hallwatch.web.domain.display.RecentCalls;
import io.hallwatch.web.metrics.WebMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open hall displays, by branch, and what is pushed to them over SSE: {@code call} (a call or a
 * recall, to show and announce) and {@code queue} (the branch's queue changed: the display reads it
 * again). A display that connects first gets {@code calls}, the branch's recent calls.
 */
@ApplicationScoped
public class DisplayHub {
    private final Map<String, Set<SseEventSink>> sinks = new ConcurrentHashMap<>();
    private final RecentCalls recent;
    private final ObjectMapper json;
    private final WebMetrics metrics;
    private volatile Sse sse;

    DisplayHub(WebConfig config, ObjectMapper json, WebMetrics metrics) {
        this.recent = new RecentCalls(config.display().recentCalls() + 1);
        this.json = json;
        this.metrics = metrics;
        metrics.displays(() -> sinks.values().stream().mapToInt(Set::size).sum());
    }

    public void open(String branchId, SseEventSink sink, Sse sse) {
        this.sse = sse;
        sinks.computeIfAbsent(branchId, b -> ConcurrentHashMap.newKeySet()).add(sink);
        ObjectNode hello = json.createObjectNode();
        hello.set("calls", json.valueToTree(recent.of(branchId).stream().map(this::view).toList()));
        send(branchId, sink, "calls", hello.toString());
    }

    /** A ticket was called or recalled in a branch. */
    public void called(Announcement call) {
        recent.add(call);
        metrics.callPushed();
        broadcast(call.branchId(), "call", view(call).toString());
    }

    /** Something else changed a branch's queue (issued, transferred, ended). */
    public void queueChanged(String branchId) {
        broadcast(branchId, "queue", "{}");
    }

    public List<Announcement> recent(String branchId) {
        return recent.of(branchId);
    }

    private ObjectNode view(Announcement a) {
        ObjectNode n = json.createObjectNode();
        n.put("ticketNumber", a.ticketNumber());
        n.put("businessType", a.businessType());
        n.put("counterId", a.counterId());
        n.put("counter", a.counterShort());
        n.put("recall", a.recall());
        n.put("at", a.at().toString());
        n.put("spoken", a.spokenZh());
        return n;
    }

    private void broadcast(String branchId, String name, String data) {
        Set<SseEventSink> open = sinks.get(branchId);
        if (open == null || sse == null) {
            return;
        }
        for (SseEventSink sink : open) {
            send(branchId, sink, name, data);
        }
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
