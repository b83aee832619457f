package io.hallwatch.queue.store.ticket;

import io.hallwatch.common.db.Db;
import io.hallwatch.queue.domain.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** The calls out of the call order, one row each, for the branch's day report per clerk. */
@ApplicationScoped
public class OutOfOrderCalls {
    private final Db db;

    OutOfOrderCalls(Db db) {
        this.db = db;
    }

    /** Written in the call's transaction, with its event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Ticket called, Instant at) {
        db.update("""
                        INSERT INTO out_of_order_call (ticket_id, called_at, branch_id, service_day, counter_id, clerk_id, reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                called.id, at, called.branchId, called.serviceDay, called.counterId, called.clerkId, called.callReason);
    }
}
