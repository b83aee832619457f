package io.hallwatch.queue.api.notice;

import io.hallwatch.queue.service.notice.TurnNoticeService;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's consent to be told their turn is near: {@code turnNoticeAhead} is the branch's setting (told at that
 * many people ahead or fewer); {@code toldAt} and {@code peopleAheadTold} stay null until the SLA monitor was told.
 */
public record TurnNoticeView(UUID ticketId, String branchId, String ticketNumber, Instant requestedAt, int turnNoticeAhead,
                             Instant toldAt, Integer peopleAheadTold) {
    static TurnNoticeView of(TurnNoticeService.Consent c) {
        return new TurnNoticeView(c.notice().ticketId(), c.notice().branchId(), c.ticketNumber(), c.notice().requestedAt(),
                c.turnNoticeAhead(), c.notice().toldAt(), c.notice().peopleAheadTold());
    }
}
