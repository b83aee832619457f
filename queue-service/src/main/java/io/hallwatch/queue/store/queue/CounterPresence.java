package io.hallwatch.queue.store.queue;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Set;

/**
 * Which counters are open, as the queue sees them: a counter that called recently is open for the
 * types it said it serves. The queue does not own counters (the counter-service does); this is
 * only what it needs for the wait estimate.
 */
@ApplicationScoped
public class CounterPresence {

    private final Db db;

    CounterPresence(Db db) {
        this.db = db;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void seen(String branchId, String counterId, Set<String> businessTypes, boolean vip, Instant at) {
        db.update("""
                        INSERT INTO counter_presence (branch_id, counter_id, business_types, vip, last_seen_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (branch_id, counter_id) DO UPDATE
                        SET business_types = EXCLUDED.business_types, vip = EXCLUDED.vip,
                            last_seen_at = GREATEST(counter_presence.last_seen_at, EXCLUDED.last_seen_at)""",
                branchId, counterId, businessTypes, vip, at);
    }

    public int openFor(String branchId, String businessType, Instant since) {
        return (int) db.count("""
                        SELECT count(*) FROM counter_presence
                        WHERE branch_id = ? AND ? = ANY (business_types) AND last_seen_at >= ?""",
                branchId, businessType, since);
    }
}
