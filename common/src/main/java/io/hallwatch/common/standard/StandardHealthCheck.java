package io.hallwatch.common.standard;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A service that follows the standard is not ready before the first version arrived: every answer
 * with a limit in it would be a guess. A service that does not follow it is unaffected.
 */
@Readiness
@ApplicationScoped
public class StandardHealthCheck implements HealthCheck {
    public static final String NAME = "Service standard";

    private final StandardReplica replica;
    private final StandardConfig config;

    StandardHealthCheck(StandardReplica replica, StandardConfig config) {
        this.replica = replica;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.follow()) {
            return HealthCheckResponse.named(NAME).up().withData("follows", false).build();
        }
        return replica.current()
                .map(v -> HealthCheckResponse.named(NAME).up().withData("version", v.version()).build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", "no version of hallwatch.standard.v1 received yet").build());
    }
}
