package io.hallwatch.queue.handling;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Stores each branch's rolling mean handling time per business type. */
@ApplicationScoped
public class HandlingTimes {

    private final Db db;

    HandlingTimes(Db db) {
        this.db = db;
    }

    /** The current mean, or the prior (the type's limit) where no service has finished yet. */
    public HandlingTime of(String branchId, String businessType, double priorSeconds) {
        return stored(branchId, businessType, "").orElseGet(() -> HandlingTime.prior(priorSeconds));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(String branchId, String businessType, double priorSeconds, double handlingSeconds) {
        // Lock the row so that two consumers' updates of the same mean do not overwrite each other.
        db.update("""
                        INSERT INTO handling_time (branch_id, business_type, mean_seconds, samples)
                        VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING""", branchId, businessType, priorSeconds);
        HandlingTime next = stored(branchId, businessType, " FOR UPDATE").orElseThrow().observe(handlingSeconds);
        db.update("UPDATE handling_time SET mean_seconds = ?, samples = ? WHERE branch_id = ? AND business_type = ?",
                next.meanSeconds(), next.samples(), branchId, businessType);
    }

    /** {@code lock}: empty, or a locking clause for the row. */
    private Optional<HandlingTime> stored(String branchId, String businessType, String lock) {
        return db.one("SELECT mean_seconds, samples FROM handling_time WHERE branch_id = ? AND business_type = ?" + lock,
                rs -> new HandlingTime(rs.getDouble(1), rs.getLong(2)), branchId, businessType);
    }
}
