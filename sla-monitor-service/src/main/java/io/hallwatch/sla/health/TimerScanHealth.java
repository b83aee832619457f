package io.hallwatch.sla.health;

import io.hallwatch.sla.service.detection.TimerScanner;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Ready only while due timers are being looked at: a monitor whose scan stopped (or cannot reach
 * the database or the broker) would let every deadline pass in silence.
 */
@Readiness
@ApplicationScoped
public class TimerScanHealth implements HealthCheck {
    static final Duration STALE = Duration.ofSeconds(30);

    private final TimerScanner scanner;

    TimerScanHealth(TimerScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public HealthCheckResponse call() {
        Duration since = scanner.sinceLastScan();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("SLA timer scan")
                .withData("lastCompletedMillisAgo", since.toMillis());
        if (scanner.lastFailure() != null) {
            r.withData("lastFailure", scanner.lastFailure());
        }
        return r.status(since.compareTo(STALE) < 0).build();
    }
}
