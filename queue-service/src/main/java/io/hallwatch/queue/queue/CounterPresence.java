package io.hallwatch.queue.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

/**
 * Which counters are open, as the queue sees them: a counter that called recently is open for the
 * types it said it serves. The queue does not own counters (the counter-service does); this is
 * only what it needs for the wait estimate.
 */
@ApplicationScoped
public class CounterPresence {

    private final EntityManager em;

    CounterPresence(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void seen(String branchId, String counterId, Set<String> businessTypes, boolean vip, Instant at) {
        em.createNativeQuery("""
                        INSERT INTO counter_presence (branch_id, counter_id, business_types, vip, last_seen_at)
                        VALUES (?1, ?2, CAST(?3 AS text[]), ?4, ?5)
                        ON CONFLICT (branch_id, counter_id) DO UPDATE
                        SET business_types = EXCLUDED.business_types, vip = EXCLUDED.vip,
                            last_seen_at = GREATEST(counter_presence.last_seen_at, EXCLUDED.last_seen_at)""")
                .setParameter(1, branchId).setParameter(2, counterId)
                .setParameter(3, "{" + String.join(",", businessTypes) + "}")
                .setParameter(4, vip).setParameter(5, Timestamp.from(at))
                .executeUpdate();
    }

    public int openFor(String branchId, String businessType, Instant since) {
        Number n = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM counter_presence
                        WHERE branch_id = ?1 AND ?2 = ANY (business_types) AND last_seen_at >= ?3""")
                .setParameter(1, branchId).setParameter(2, businessType).setParameter(3, Timestamp.from(since))
                .getSingleResult();
        return n.intValue();
    }
}
