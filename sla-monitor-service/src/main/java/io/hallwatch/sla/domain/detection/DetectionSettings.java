package io.hallwatch.sla.domain.detection;

import java.time.Duration;

/**
 * @param grace     how long after a deadline the monitor waits for events that happened before it to
 *                  reach the topic (the producers' outbox relays publish within milliseconds)
 * @param lateAfter a finding detected more than this after its deadline is marked late
 */
public record DetectionSettings(Duration grace, Duration lateAfter) {
}
