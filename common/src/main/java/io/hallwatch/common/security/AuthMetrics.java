package io.hallwatch.common.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * {@code hallwatch_auth_failures_total{reason}}: refused requests by reason. Every reason is
 * registered at start, so a dashboard sees 0 rather than no series.
 */
@Startup
@ApplicationScoped
public class AuthMetrics {
    public static final String METRIC = "hallwatch.auth.failures";

    private final Map<AuthFailure, Counter> counters = new EnumMap<>(AuthFailure.class);

    AuthMetrics(MeterRegistry registry) {
        for (AuthFailure reason : AuthFailure.values()) {
            counters.put(reason, Counter.builder(METRIC).description("Requests refused by authentication or authorisation")
                    .tag("reason", reason.tag()).register(registry));
        }
    }

    public void failed(AuthFailure reason) {
        counters.get(reason).increment();
    }
}
