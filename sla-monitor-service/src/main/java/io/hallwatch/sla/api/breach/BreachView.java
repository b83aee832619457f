package io.hallwatch.sla.api.breach;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.SlaRule;
import io.hallwatch.sla.domain.breach.BreachStatus;
import io.hallwatch.sla.domain.detection.SlaKind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A warning or breach as the API shows it. {@code deadline} is when the limit was (or will be)
 * reached; for a branch-average breach there is no ticket, no deadline, and {@code actualSeconds}
 * is the rolling mean when it was detected.
 */
public record BreachView(UUID breachId, SlaKind kind, SlaRule rule, String level, String branchId, String ticketId,
                         String ticketNumber, String businessType, CustomerTier customerTier, String counterId, String clerkId,
                         long limitSeconds, long actualSeconds, Instant startedAt, Instant deadline, Instant detectedAt,
                         boolean detectedLate, BreachStatus status, Instant resolvedAt, Long resolvedActualSeconds) {

    static BreachView read(ResultSet rs) throws SQLException {
        String tier = rs.getString("customer_tier");
        return new BreachView(rs.getObject("breach_id", UUID.class), SlaKind.valueOf(rs.getString("kind")),
                SlaRule.valueOf(rs.getString("rule")), rs.getString("level"), rs.getString("branch_id"), rs.getString("ticket_id"),
                rs.getString("ticket_number"), rs.getString("business_type"), tier == null ? null : CustomerTier.valueOf(tier),
                rs.getString("counter_id"), rs.getString("clerk_id"), rs.getLong("limit_seconds"), rs.getLong("actual_seconds"),
                Db.instant(rs, "started_at"), Db.instant(rs, "deadline"), Db.instant(rs, "detected_at"),
                rs.getBoolean("detected_late"), BreachStatus.valueOf(rs.getString("status")), Db.instant(rs, "resolved_at"),
                Db.longOrNull(rs, "resolved_actual_seconds"));
    }
}
