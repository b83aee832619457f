package io.hallwatch.queue.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * Hands out the day's ticket numbers per branch and prefix. The increment happens in one upsert
 * that locks the sequence row until the issuing transaction ends, so concurrent kiosks are
 * serialised per prefix and a number is never given twice; a rolled-back issue releases nothing
 * but its own increment.
 */
@ApplicationScoped
public class TicketSequence {

    private final EntityManager em;

    TicketSequence(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long next(String branchId, LocalDate serviceDay, char prefix) {
        Number value = (Number) em.createNativeQuery("""
                        INSERT INTO ticket_sequence (branch_id, service_day, prefix, last_value) VALUES (?1, ?2, ?3, 1)
                        ON CONFLICT (branch_id, service_day, prefix)
                        DO UPDATE SET last_value = ticket_sequence.last_value + 1
                        RETURNING last_value""")
                .setParameter(1, branchId).setParameter(2, serviceDay).setParameter(3, String.valueOf(prefix))
                .getSingleResult();
        return value.longValue();
    }
}
