package io.hallwatch.sla.detection;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.sla.policy.TicketLimits;
import io.hallwatch.sla.support.Db;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Each ticket's facts and limits in {@code sla_ticket}. */
@ApplicationScoped
public class TicketStore {

    /** A ticket as stored: what is known of it and the limits it is judged by. */
    public record StoredTicket(TicketFacts facts, TicketLimits limits) {
    }

    private final Db db;

    TicketStore(Db db) {
        this.db = db;
    }

    /**
     * The ticket, locked until the transaction ends: its tickets-topic and services-topic events
     * may be applied by two instances at once (their partitions have different owners).
     */
    public Optional<StoredTicket> lock(String ticketId) {
        return db.one("SELECT * FROM sla_ticket WHERE ticket_id = ? FOR UPDATE", TicketStore::read, ticketId);
    }

    /**
     * The ticket locked, unless someone holds it: a timer scan then leaves the ticket to the
     * event being applied to it and looks again on its next round, instead of waiting.
     */
    public Optional<StoredTicket> tryLock(String ticketId) {
        return db.one("SELECT * FROM sla_ticket WHERE ticket_id = ? FOR UPDATE SKIP LOCKED", TicketStore::read, ticketId);
    }

    public Optional<StoredTicket> find(String ticketId) {
        return db.one("SELECT * FROM sla_ticket WHERE ticket_id = ?", TicketStore::read, ticketId);
    }

    /**
     * {@link #lock} for many tickets in one query, locked in the order of their ids (as every
     * caller of this does), so that two instances locking overlapping sets cannot deadlock.
     * Tickets without a row are left out.
     */
    public Map<String, StoredTicket> lockAll(Collection<String> ticketIds) {
        Map<String, StoredTicket> locked = new HashMap<>();
        if (!ticketIds.isEmpty()) {
            db.list("SELECT * FROM sla_ticket WHERE ticket_id = ANY(?) ORDER BY ticket_id FOR UPDATE", TicketStore::read,
                    ticketIds).forEach(t -> locked.put(t.facts().ticketId(), t));
        }
        return locked;
    }

    /**
     * Creates the tickets' rows: one round trip for all. Returns the ids created; one left out
     * was created by another instance in the meantime (the caller then locks that row and merges
     * into it).
     */
    public Set<String> insertAllIfAbsent(List<StoredTicket> created) {
        List<StoredTicket> sorted = created.stream().sorted(Comparator.comparing(t -> t.facts().ticketId())).toList();
        int[] counts = db.batch(INSERT, sorted.stream().map(t -> insertArgs(t.facts(), t.limits())).toList());
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                inserted.add(sorted.get(i).facts().ticketId());
            }
        }
        return inserted;
    }

    /** {@link #update} for many tickets: one round trip for all. */
    public void updateAll(List<StoredTicket> changed) {
        db.batch(UPDATE, changed.stream().sorted(Comparator.comparing(t -> t.facts().ticketId()))
                .map(t -> updateArgs(t.facts(), t.limits())).toList());
    }

    /**
     * Creates the ticket's row; false where another instance created it in the meantime (the
     * caller then locks that row and merges into it).
     */
    public boolean insertIfAbsent(TicketFacts f, TicketLimits l) {
        return db.update(INSERT, insertArgs(f, l)) == 1;
    }

    public void update(TicketFacts f, TicketLimits l) {
        db.update(UPDATE, updateArgs(f, l));
    }

    private static final String INSERT = """
                INSERT INTO sla_ticket (ticket_id, branch_id, customer_tier, ticket_number, ticket_number_at,
                    issued_business_type, type_hint, type_hint_at, issued_at, called_at, call_counter_id, call_clerk_id,
                    cancelled_at, service_business_type, service_started_at, service_finished_at, service_counter_id,
                    service_clerk_id, policy_version, wait_limit_seconds, wait_warning_fraction, handling_limit_seconds,
                    handling_warning_fraction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ticket_id) DO NOTHING""";

    private static final String UPDATE = """
                UPDATE sla_ticket SET customer_tier = ?, ticket_number = ?, ticket_number_at = ?, issued_business_type = ?,
                    type_hint = ?, type_hint_at = ?, issued_at = ?, called_at = ?, call_counter_id = ?, call_clerk_id = ?,
                    cancelled_at = ?, service_business_type = ?, service_started_at = ?, service_finished_at = ?,
                    service_counter_id = ?, service_clerk_id = ?, policy_version = ?, wait_limit_seconds = ?,
                    wait_warning_fraction = ?, handling_limit_seconds = ?, handling_warning_fraction = ?, updated_at = now()
                WHERE ticket_id = ?""";

    private static Object[] insertArgs(TicketFacts f, TicketLimits l) {
        return new Object[]{f.ticketId(), f.branchId(), f.customerTier(), f.ticketNumber(), f.ticketNumberAt(),
                f.issuedBusinessType(), f.typeHint(), f.typeHintAt(), f.issuedAt(), f.calledAt(), f.callCounterId(),
                f.callClerkId(), f.cancelledAt(), f.serviceBusinessType(), f.serviceStartedAt(), f.serviceFinishedAt(),
                f.serviceCounterId(), f.serviceClerkId(), l.policyVersion(), l.waitLimit().toSeconds(),
                l.waitWarningFraction(), l.handlingLimit().toSeconds(), l.handlingWarningFraction()};
    }

    private static Object[] updateArgs(TicketFacts f, TicketLimits l) {
        return new Object[]{f.customerTier(), f.ticketNumber(), f.ticketNumberAt(), f.issuedBusinessType(), f.typeHint(),
                f.typeHintAt(), f.issuedAt(), f.calledAt(), f.callCounterId(), f.callClerkId(), f.cancelledAt(),
                f.serviceBusinessType(), f.serviceStartedAt(), f.serviceFinishedAt(), f.serviceCounterId(),
                f.serviceClerkId(), l.policyVersion(), l.waitLimit().toSeconds(), l.waitWarningFraction(),
                l.handlingLimit().toSeconds(), l.handlingWarningFraction(), f.ticketId()};
    }

    private static StoredTicket read(ResultSet rs) throws SQLException {
        String tier = rs.getString("customer_tier");
        TicketFacts facts = new TicketFacts(rs.getString("ticket_id"), rs.getString("branch_id"),
                tier == null ? null : CustomerTier.valueOf(tier), rs.getString("ticket_number"), Db.instant(rs, "ticket_number_at"),
                rs.getString("issued_business_type"), rs.getString("type_hint"), Db.instant(rs, "type_hint_at"),
                Db.instant(rs, "issued_at"), Db.instant(rs, "called_at"), rs.getString("call_counter_id"),
                rs.getString("call_clerk_id"), Db.instant(rs, "cancelled_at"), rs.getString("service_business_type"),
                Db.instant(rs, "service_started_at"), Db.instant(rs, "service_finished_at"), rs.getString("service_counter_id"),
                rs.getString("service_clerk_id"));
        TicketLimits limits = new TicketLimits(rs.getInt("policy_version"), Duration.ofSeconds(rs.getLong("wait_limit_seconds")),
                rs.getDouble("wait_warning_fraction"), Duration.ofSeconds(rs.getLong("handling_limit_seconds")),
                rs.getDouble("handling_warning_fraction"));
        return new StoredTicket(facts, limits);
    }
}
