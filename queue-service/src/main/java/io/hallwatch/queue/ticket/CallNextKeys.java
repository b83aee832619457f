package io.hallwatch.queue.ticket;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What each call-next idempotency key of a counter called, so that a repeated key (the
 * counter-service retrying after a timeout whose first attempt did call someone) calls nobody
 * else. A key belongs to one counter: the same key from another counter is another click.
 */
@ApplicationScoped
class CallNextKeys {
    /** The answer a key got before: the ticket it called, or empty when nobody waited. */
    record Earlier(Optional<UUID> ticketId) {
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
    Optional<Earlier> earlier(String branchId, String counterId, String clerkId, String key) {
        db.lockUntilCommit("call-next|" + branchId + "|" + counterId + "|" + key);
        record Stored(String clerkId, UUID ticketId) {
        }
        Optional<Stored> row = db.one(
                "SELECT clerk_id, ticket_id FROM call_next_key WHERE branch_id = ? AND counter_id = ? AND idempotency_key = ?",
                rs -> new Stored(rs.getString(1), rs.getObject(2, UUID.class)), branchId, counterId, key);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!clerkId.equals(row.get().clerkId())) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for another clerk's call at this counter");
        }
        return Optional.of(new Earlier(Optional.ofNullable(row.get().ticketId())));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void remember(String branchId, String counterId, String clerkId, String key, Optional<UUID> ticketId, Instant now) {
        // Retries come within seconds, a screen's resent click within minutes: a day is plenty,
        // and this counter's own old keys go here instead of piling up.
        db.update("DELETE FROM call_next_key WHERE branch_id = ? AND counter_id = ? AND requested_at < ?",
                branchId, counterId, now.minus(KEPT));
        db.update("INSERT INTO call_next_key (branch_id, counter_id, idempotency_key, clerk_id, ticket_id, requested_at) "
                        + "VALUES (?, ?, ?, ?, CAST(? AS UUID), ?)",
                branchId, counterId, key, clerkId, ticketId.map(UUID::toString).orElse(null), now);
    }
}
