package io.hallwatch.counter.store.counter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** The handling-time limit per business type, from the service standard (业务受理速度要求). */
@ApplicationScoped
public class HandlingLimits {
    /** For a type the standard does not name and nobody configured: the longest named limit. */
    static final int FALLBACK_SECONDS = 600;

    private final EntityManager em;

    HandlingLimits(EntityManager em) {
        this.em = em;
    }

    public int secondsFor(String businessType) {
        List<?> rows = em.createNativeQuery("SELECT limit_seconds FROM handling_limit WHERE business_type = ?1")
                .setParameter(1, businessType).getResultList();
        return rows.isEmpty() ? FALLBACK_SECONDS : ((Number) rows.get(0)).intValue();
    }
}
