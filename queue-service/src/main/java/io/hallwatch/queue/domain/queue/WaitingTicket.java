package io.hallwatch.queue.domain.queue;

import io.hallwatch.events.CustomerTier;

import java.time.Instant;
import java.util.UUID;

/**
 * What the call policy knows of a waiting ticket. {@code issuedAt} is the original issue, kept over
 * transfers; {@code number} breaks ties between tickets issued in the same instant.
 */
public record WaitingTicket(UUID id, String businessType, CustomerTier tier, Instant issuedAt, String number) {
}
