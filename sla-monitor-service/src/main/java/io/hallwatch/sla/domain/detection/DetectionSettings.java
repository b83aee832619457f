package io.hallwatch.sla.domain.detection;

import java.time.Duration;

/**
 * @param lateAfter a finding detected more than this after its deadline is marked late
 */
public record DetectionSettings(Duration lateAfter) {
}
