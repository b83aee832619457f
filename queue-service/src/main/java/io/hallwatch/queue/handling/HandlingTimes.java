package io.hallwatch.queue.handling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** Stores each branch's rolling mean handling time per business type. */
@ApplicationScoped
public class HandlingTimes {

    private final EntityManager em;

    HandlingTimes(EntityManager em) {
        this.em = em;
    }

    /** The current mean, or the prior (the type's limit) where no service has finished yet. */
    public HandlingTime of(String branchId, String businessType, double priorSeconds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT mean_seconds, samples FROM handling_time WHERE branch_id = ?1 AND business_type = ?2")
                .setParameter(1, branchId).setParameter(2, businessType).getResultList();
        if (rows.isEmpty()) {
            return HandlingTime.prior(priorSeconds);
        }
        return new HandlingTime(((Number) rows.get(0)[0]).doubleValue(), ((Number) rows.get(0)[1]).longValue());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void observe(String branchId, String businessType, double priorSeconds, double handlingSeconds) {
        // Lock the row so that two consumers' updates of the same mean do not overwrite each other.
        em.createNativeQuery("""
                        INSERT INTO handling_time (branch_id, business_type, mean_seconds, samples)
                        VALUES (?1, ?2, ?3, 0) ON CONFLICT DO NOTHING""")
                .setParameter(1, branchId).setParameter(2, businessType).setParameter(3, priorSeconds).executeUpdate();
        em.createNativeQuery("SELECT 1 FROM handling_time WHERE branch_id = ?1 AND business_type = ?2 FOR UPDATE")
                .setParameter(1, branchId).setParameter(2, businessType).getResultList();
        HandlingTime next = of(branchId, businessType, priorSeconds).observe(handlingSeconds);
        em.createNativeQuery("UPDATE handling_time SET mean_seconds = ?3, samples = ?4 WHERE branch_id = ?1 AND business_type = ?2")
                .setParameter(1, branchId).setParameter(2, businessType)
                .setParameter(3, next.meanSeconds()).setParameter(4, next.samples()).executeUpdate();
    }
}
