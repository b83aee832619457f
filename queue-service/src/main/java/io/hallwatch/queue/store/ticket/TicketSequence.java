package io.hallwatch.queue.store.ticket;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final Db db;

    TicketSequence(Db db) {
        this.db = db;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long next(String branchId, LocalDate serviceDay, char prefix) {
        return db.one("""
                        INSERT INTO ticket_sequence (branch_id, service_day, prefix, last_value) VALUES (?, ?, ?, 1)
                        ON CONFLICT (branch_id, service_day, prefix)
                        DO UPDATE SET last_value = ticket_sequence.last_value + 1
                        RETURNING last_value""", rs -> rs.getLong(1), branchId, serviceDay, String.valueOf(prefix)).orElseThrow();
    }
}
