package io.hallwatch.queue.ticket;

import io.hallwatch.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private final EntityManager em;

    CallNextKeys(EntityManager em) {
        this.em = em;
    }

    /**
     * The earlier answer to this key, if any. Takes a transaction-long lock on the key first, so
     * a retry that arrives while the first attempt still runs waits for it and then sees its answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Earlier> earlier(String branchId, String counterId, String clerkId, String key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "call-next|" + branchId + "|" + counterId + "|" + key).getSingleResult();
        List<?> rows = em.createNativeQuery(
                        "SELECT clerk_id, CAST(ticket_id AS TEXT) FROM call_next_key "
                                + "WHERE branch_id = ?1 AND counter_id = ?2 AND idempotency_key = ?3")
                .setParameter(1, branchId).setParameter(2, counterId).setParameter(3, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (!clerkId.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for another clerk's call at this counter");
        }
        return Optional.of(new Earlier(Optional.ofNullable((String) row[1]).map(UUID::fromString)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void remember(String branchId, String counterId, String clerkId, String key, Optional<UUID> ticketId, Instant now) {
        // Retries come within seconds, a screen's resent click within minutes: a day is plenty,
        // and this counter's own old keys go here instead of piling up.
        em.createNativeQuery("DELETE FROM call_next_key WHERE branch_id = ?1 AND counter_id = ?2 AND requested_at < ?3")
                .setParameter(1, branchId).setParameter(2, counterId).setParameter(3, Timestamp.from(now.minus(KEPT)))
                .executeUpdate();
        em.createNativeQuery("INSERT INTO call_next_key (branch_id, counter_id, idempotency_key, clerk_id, ticket_id, requested_at) "
                        + "VALUES (?1, ?2, ?3, ?4, CAST(?5 AS UUID), ?6)")
                .setParameter(1, branchId).setParameter(2, counterId).setParameter(3, key).setParameter(4, clerkId)
                .setParameter(5, ticketId.map(UUID::toString).orElse(null)).setParameter(6, Timestamp.from(now))
                .executeUpdate();
    }
}
