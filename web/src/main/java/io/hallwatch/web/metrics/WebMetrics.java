package io.hallwatch.web.metrics;

import io.hallwatch.web.domain.gateway.Upstream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The web module's own metrics (tags bounded: a service name, a screen, an outcome; never a branch,
 * ticket or person):
 * {@code hallwatch_web_gateway_unavailable_total{service}}, {@code hallwatch_web_calls_pushed_total},
 * {@code hallwatch_web_displays_connected}, {@code hallwatch_web_screens_refused_total{screen}},
 * {@code hallwatch_web_sla_events_pushed_total{change}}, {@code hallwatch_web_duty_consoles_connected}.
 */
@ApplicationScoped
public class WebMetrics {
    private final MeterRegistry registry;
    private final Map<Upstream, Counter> unavailable = new EnumMap<>(Upstream.class);
    private final Counter callsPushed;

    WebMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Upstream u : Upstream.values()) {
            unavailable.put(u, Counter.builder("hallwatch.web.gateway.unavailable")
                    .description("API calls answered 503 because the service did not answer")
                    .tag("service", u.name().toLowerCase()).register(registry));
        }
        callsPushed = Counter.builder("hallwatch.web.calls.pushed")
                .description("Calls and recalls pushed to the hall displays").register(registry);
    }

    public void unavailable(Upstream upstream) {
        unavailable.get(upstream).increment();
    }

    public void callPushed() {
        callsPushed.increment();
    }

    public void refused(String screen) {
        Counter.builder("hallwatch.web.screens.refused").description("Screens refused to a token without the role or branch")
                .tag("screen", screen).register(registry).increment();
    }

    /** An SLA event pushed to the duty consoles; {@code change} is {@code open} or {@code cleared}. */
    public void slaEventPushed(String change) {
        Counter.builder("hallwatch.web.sla.events.pushed").description("Warnings, breaches and clears pushed to the duty consoles")
                .tag("change", change).register(registry).increment();
    }

    public void dutyConsoles(IntSupplier connected) {
        Gauge.builder("hallwatch.web.duty.consoles.connected", connected::getAsInt)
                .description("Duty-manager consoles connected for server push").register(registry);
    }

    public void displays(IntSupplier connected) {
        Gauge.builder("hallwatch.web.displays.connected", connected::getAsInt)
                .description("Hall displays connected for server push").register(registry);
    }
}
