package io.hallwatch.sla.detection;

import io.hallwatch.sla.SlaConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pure detector from the service's configuration. */
public class DetectionSetup {

    @Produces
    @Singleton
    TicketDetector ticketDetector(SlaConfig config) {
        return new TicketDetector(new DetectionSettings(config.grace(), config.lateAfter()));
    }
}
