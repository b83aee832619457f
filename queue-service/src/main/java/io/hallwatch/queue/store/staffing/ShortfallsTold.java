package io.hallwatch.queue.store.staffing;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Which branches were told about which understaffed hour: once each. */
@ApplicationScoped
public class ShortfallsTold {
    private final Db db;

    ShortfallsTold(Db db) {
        this.db = db;
    }

    /** True the first time for this branch and hour (the caller then tells it, in the same transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String branchId, Instant hourStartsAt, Instant now) {
        return db.update("""
                INSERT INTO staffing_shortfall_told (branch_id, hour_starts_at, told_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", branchId, hourStartsAt, now) == 1;
    }
}
