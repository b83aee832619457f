package io.hallwatch.sla.store.status;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.TicketIssued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.List;

/** The tickets whose customer was told at issue that their wait would pass the limit: for the daily report. */
@ApplicationScoped
public class BreachPredictionStore {
    private final Db db;

    BreachPredictionStore(Db db) {
        this.db = db;
    }

    /** Records each once, however often its issue event is applied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<TicketIssued> predicted) {
        if (predicted.isEmpty()) {
            return;
        }
        db.updateOverRows("""
                        INSERT INTO sla_breach_predicted (ticket_id, branch_id, issued_at, estimated_wait_seconds)
                        SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::bigint[])
                        ON CONFLICT (ticket_id) DO NOTHING""",
                predicted.stream().sorted(Comparator.comparing(TicketIssued::ticketId))
                        .map(e -> new Object[]{e.ticketId(), e.branchId(), e.issuedAt(), e.estimatedWaitSeconds()}).toList());
    }
}
