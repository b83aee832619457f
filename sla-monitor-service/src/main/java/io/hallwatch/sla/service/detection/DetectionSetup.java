package io.hallwatch.sla.service.detection;

import io.hallwatch.sla.config.SlaConfig;
import io.hallwatch.sla.domain.detection.DetectionSettings;
import io.hallwatch.sla.domain.detection.TicketDetector;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the pure detector from the service's configuration. */
public class DetectionSetup {

    @Produces
    @Singleton
    TicketDetector ticketDetector(SlaConfig config) {
        return new TicketDetector(new DetectionSettings(config.lateAfter()));
    }
}
