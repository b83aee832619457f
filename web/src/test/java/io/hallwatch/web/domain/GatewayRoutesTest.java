package io.hallwatch.web.domain;

import io.hallwatch.web.domain.gateway.Routes;
import io.hallwatch.web.domain.gateway.Upstream;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatewayRoutesTest {
    @Test
    void each_api_path_goes_to_the_service_whose_readme_lists_it() {
        Map<String, Upstream> owners = Map.ofEntries(
                Map.entry("business-types", Upstream.QUEUE),
                Map.entry("branches", Upstream.QUEUE),
                Map.entry("branches/GZ-TH-001/clerk-reports", Upstream.COUNTER),
                Map.entry("branches/GZ-TH-001/counter-settings", Upstream.COUNTER),
                Map.entry("branches/GZ-TH-001/counters/C01/park", Upstream.COUNTER),
                Map.entry("branches/GZ-TH-001/counters/C01/walk-in", Upstream.COUNTER),
                Map.entry("branches/GZ-TH-001/counters/C01/call-ticket", Upstream.COUNTER),
                Map.entry("branches/GZ-TH-001", Upstream.QUEUE),
                Map.entry("branches/GZ-TH-001/tickets", Upstream.QUEUE),
                Map.entry("branches/GZ-TH-001/check-ins", Upstream.QUEUE),
                Map.entry("branches/GZ-TH-001/queue", Upstream.QUEUE),
                Map.entry("branches/GZ-TH-001/service-day", Upstream.QUEUE),
                Map.entry("branches/GZ-TH-001/eta-accuracy", Upstream.QUEUE),
                Map.entry("branches/GZ-TH-001/staffing", Upstream.QUEUE),
                Map.entry("branches/GZ-TH-001/neighbours", Upstream.QUEUE),
                Map.entry("tickets/0190a0b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b", Upstream.QUEUE),
                Map.entry("tickets/0190a0b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b/recall", Upstream.QUEUE),
                Map.entry("tickets/0190a0b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b/park", Upstream.QUEUE),
                Map.entry("tickets/0190a0b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b/turn-notice", Upstream.QUEUE),
                Map.entry("tickets/0190a0b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b/turn-notice-contact", Upstream.SLA),
                Map.entry("branches/GZ-TH-001/counters", Upstream.COUNTER),
                Map.entry("branches/GZ-TH-001/counters/C01/call-next", Upstream.COUNTER),
                Map.entry("branches/GZ-TH-001/counters/C01/service/finish", Upstream.COUNTER),
                Map.entry("clerks/clerk-1/daily-report", Upstream.COUNTER),
                Map.entry("branches/GZ-TH-001/counters/C01/recommendation", Upstream.MARKETING),
                Map.entry("branches/GZ-TH-001/load", Upstream.MARKETING),
                Map.entry("offers/abc/outcome", Upstream.MARKETING),
                Map.entry("alerts/abc/ack", Upstream.SLA),
                Map.entry("breaches", Upstream.SLA),
                Map.entry("branches/GZ-TH-001/sla-status", Upstream.SLA));
        owners.forEach((path, owner) -> assertEquals(Optional.of(owner), Routes.owner(path), path));
    }

    @Test
    void a_path_no_service_owns_or_one_that_climbs_out_is_refused() {
        for (String path : new String[]{"", "nothing", "branches/../q/metrics", "branches//queue", "q/health", "branches/GZ-TH-001/unknown",
                "branches/GZ-TH-001/check-ins/123456"}) {
            assertEquals(Optional.empty(), Routes.owner(path), path);
        }
    }
}
