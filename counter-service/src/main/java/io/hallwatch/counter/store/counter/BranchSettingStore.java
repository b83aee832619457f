package io.hallwatch.counter.store.counter;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** What each branch asks of its counters ({@code branch_counter_setting}); a branch without a row asks nothing. */
@ApplicationScoped
public class BranchSettingStore {
    private final Db db;

    BranchSettingStore(Db db) {
        this.db = db;
    }

    /** Whether a finished service must name the business types actually handled (false when the branch never said). */
    public boolean businessTypesHandledRequired(String branchId) {
        return db.one("SELECT business_types_handled_required FROM branch_counter_setting WHERE branch_id = ?",
                rs -> rs.getBoolean(1), branchId).orElse(false);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(String branchId, boolean businessTypesHandledRequired, Instant at) {
        db.update("""
                        INSERT INTO branch_counter_setting (branch_id, business_types_handled_required, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (branch_id) DO UPDATE SET business_types_handled_required = EXCLUDED.business_types_handled_required,
                            updated_at = EXCLUDED.updated_at""",
                branchId, businessTypesHandledRequired, at);
    }
}
