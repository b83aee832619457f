package io.hallwatch.queue.store.ticket;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The call_next_key table: what each call-next idempotency key of a counter called, so that a
 * repeated key (the counter-service retrying after a timeout whose first attempt did call someone)
 * calls nobody else. A key belongs to one counter: the same key from another counter is another click.
 */
@ApplicationScoped
public class CallNextKeys {
    /** The answer a key got before: the clerk who sent it, and the ticket it called (empty when nobody waited). */
    public record Earlier(String clerkId, Optional<UUID> ticketId) {
    }

    /** How long a key is remembered. */
    static final Duration KEPT = Duration.ofDays(1);

    private final Db db;

    CallNextKeys(Db db) {
        this.db = db;
    }

    /**
     * The earlier answer to this key, if any. Takes a transaction-long lock on the key first, so
     * a retry that arrives while the first attempt still runs waits for it and then sees its answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Earlier> earlier(String branchId, String counterId, String key) {
        db.lockUntilCommit("call-next|" + branchId + "|" + counterId + "|" + key);
        return db.one(
                "SELECT clerk_id, ticket_id FROM call_next_key WHERE branch_id = ? AND counter_id = ? AND idempotency_key = ?",
                rs -> new Earlier(rs.getString(1), Optional.ofNullable(rs.getObject(2, UUID.class))), branchId, counterId, key);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String branchId, String counterId, String clerkId, String key, Optional<UUID> ticketId, Instant now) {
        // Retries come within seconds, a screen's resent click within minutes: a day is plenty,
        // and this counter's own old keys go here instead of piling up.
        db.update("DELETE FROM call_next_key WHERE branch_id = ? AND counter_id = ? AND requested_at < ?",
                branchId, counterId, now.minus(KEPT));
        db.update("INSERT INTO call_next_key (branch_id, counter_id, idempotency_key, clerk_id, ticket_id, requested_at) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS UUID), ?)",
                branchId, counterId, key, clerkId, ticketId.map(UUID::toString).orElse(null), now);
    }
}
