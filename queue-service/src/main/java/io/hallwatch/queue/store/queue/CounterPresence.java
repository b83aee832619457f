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
                            last_seen_at = GREATEST(counter_presence.last_seen_at, EXCLUDED.last_seen_at),
                            -- a counter that calls is not paused (any more)
                            paused_at = CASE WHEN counter_presence.paused_at < EXCLUDED.last_seen_at THEN NULL
                                             ELSE counter_presence.paused_at END""",
                branchId, counterId, businessTypes, vip, at);
    }

    /**
     * The counter's clerk stepped away at {@code since} for up to {@code limitSeconds}; a counter not
     * seen calling yet is not open anyway, and a pause older than the counter's last resume or call
     * (a late event) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void paused(String branchId, String counterId, Instant since, long limitSeconds) {
        db.update("""
                        UPDATE counter_presence SET paused_at = ?, pause_limit_seconds = ?
                        WHERE branch_id = ? AND counter_id = ? AND (resumed_at IS NULL OR resumed_at < ?)
                          AND last_seen_at <= ?""",
                since, limitSeconds, branchId, counterId, since, since);
    }

    /** The pause that began at {@code pausedSince} ended at {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resumed(String branchId, String counterId, Instant pausedSince, Instant at) {
        db.update("""
                        UPDATE counter_presence SET resumed_at = GREATEST(resumed_at, ?),
                            paused_at = CASE WHEN paused_at <= ? THEN NULL ELSE paused_at END
                        WHERE branch_id = ? AND counter_id = ?""",
                at, pausedSince, branchId, counterId);
    }
}
