package io.hallwatch.web.service.duty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.web.domain.duty.ConsoleFinding;
import io.hallwatch.web.metrics.WebMetrics;
import io.hallwatch.web.service.push.BranchChannels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The open duty-manager consoles, by branch, and what is pushed to them over SSE: {@code finding}
 * (a warning or breach opened: list it, chime), {@code cleared} (a breach is over: take it off the
 * list). Either also tells the console to read the branch's SLA status again. A console that
 * connects first gets {@code hello}; what is open already it reads from the monitor's API.
 */
@ApplicationScoped
public class DutyHub {
    private final BranchChannels channels = new BranchChannels();
    private final ObjectMapper json;
    private final WebMetrics metrics;

    DutyHub(ObjectMapper json, WebMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
        metrics.dutyConsoles(channels::connected);
    }

    public void open(String branchId, SseEventSink sink, Sse sse) {
        channels.open(branchId, sink, sse, "hello", "{}");
    }

    /** A warning, breach or clear of a branch. */
    public void finding(ConsoleFinding f) {
        metrics.slaEventPushed(f.change().toLowerCase());
        channels.broadcast(f.branchId(), "CLEARED".equals(f.change()) ? "cleared" : "finding", view(f).toString());
    }

    private ObjectNode view(ConsoleFinding f) {
        ObjectNode n = json.createObjectNode();
        n.put("breachId", f.breachId());
        n.put("level", f.level());
        n.put("rule", f.rule());
        n.put("ticketNumber", f.ticketNumber());
        n.put("businessType", f.businessType());
        n.put("limitSeconds", f.limitSeconds());
        n.put("actualSeconds", f.actualSeconds());
        n.put("minutesOver", f.minutesOver());
        n.put("detectedAt", f.detectedAt().toString());
        return n;
    }
}
