package io.hallwatch.web.service.display;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.web.config.WebConfig;
import io.hallwatch.web.domain.display.Announcement;
import io.hallwatch.web.domain.display.RecentCalls;
import io.hallwatch.web.metrics.WebMetrics;
import io.hallwatch.web.service.push.BranchChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;

/**
 * The open hall displays, by branch, and what is pushed to them over SSE: {@code call} (a call or a
 * recall, to show and announce) and {@code queue} (the branch's queue changed: the display reads it
 * again). A display that connects first gets {@code calls}, the branch's recent calls.
 */
@ApplicationScoped
public class DisplayHub {
    private final BranchChannels channels = new BranchChannels();
    private final RecentCalls recent;
    private final ObjectMapper json;
    private final WebMetrics metrics;

    DisplayHub(WebConfig config, ObjectMapper json, WebMetrics metrics) {
        this.recent = new RecentCalls(config.display().recentCalls() + 1);
        this.json = json;
        this.metrics = metrics;
        metrics.displays(channels::connected);
    }

    public void open(String branchId, SseEventSink sink, Sse sse) {
        ObjectNode hello = json.createObjectNode();
        hello.set("calls", json.valueToTree(recent.of(branchId).stream().map(this::view).toList()));
        channels.open(branchId, sink, sse, "calls", hello.toString());
    }

    /** A ticket was called or recalled in a branch. */
    public void called(Announcement call) {
        recent.add(call);
        metrics.callPushed();
        channels.broadcast(call.branchId(), "call", view(call).toString());
    }

    /** Something else changed a branch's queue (issued, transferred, ended). */
    public void queueChanged(String branchId) {
        channels.broadcast(branchId, "queue", "{}");
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
}
