package io.hallwatch.queue.store.handling;

import io.hallwatch.common.db.Db;
import io.hallwatch.queue.domain.handling.HandlingTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** The handling_time table: each branch's rolling mean handling time per business type. */
@ApplicationScoped
public class HandlingTimes {

    private final Db db;

    HandlingTimes(Db db) {
        this.db = db;
    }

    /**
     * The stored mean, locked until the transaction ends (created as the prior, the type's limit, where
     * there is none yet: {@link HandlingTime#prior}), so that two consumers' updates of the same mean
     * do not overwrite each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HandlingTime lockOrCreate(String branchId, String businessType, double priorSeconds) {
        db.update("""
                        INSERT INTO handling_time (branch_id, business_type, mean_seconds, samples)
                        VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING""", branchId, businessType, priorSeconds);
        return stored(branchId, businessType, " FOR UPDATE").orElseThrow();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String branchId, String businessType, HandlingTime mean) {
        db.update("UPDATE handling_time SET mean_seconds = ?, samples = ? WHERE branch_id = ? AND business_type = ?",
                mean.meanSeconds(), mean.samples(), branchId, businessType);
    }

    /** {@code lock}: empty, or a locking clause for the row. */
    private Optional<HandlingTime> stored(String branchId, String businessType, String lock) {
        return db.one("SELECT mean_seconds, samples FROM handling_time WHERE branch_id = ? AND business_type = ?" + lock,
                rs -> new HandlingTime(rs.getDouble(1), rs.getLong(2)), branchId, businessType);
    }
}
