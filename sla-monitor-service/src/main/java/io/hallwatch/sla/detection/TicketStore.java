package io.hallwatch.sla.detection;

import io.hallwatch.events.CustomerTier;
import io.hallwatch.sla.policy.TicketLimits;
import io.hallwatch.sla.support.Db;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

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
     * Creates the ticket's row; false where another instance created it in the meantime (the
     * caller then locks that row and merges into it).
     */
    public boolean insertIfAbsent(TicketFacts f, TicketLimits l) {
        return db.update("""
                INSERT INTO sla_ticket (ticket_id, branch_id, customer_tier, ticket_number, ticket_number_at,
                    issued_business_type, type_hint, type_hint_at, issued_at, called_at, call_counter_id, call_clerk_id,
                    cancelled_at, service_business_type, service_started_at, service_finished_at, service_counter_id,
                    service_clerk_id, policy_version, wait_limit_seconds, wait_warning_fraction, handling_limit_seconds,
                    handling_warning_fraction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ticket_id) DO NOTHING""",
                f.ticketId(), f.branchId(), f.customerTier(), f.ticketNumber(), f.ticketNumberAt(), f.issuedBusinessType(),
                f.typeHint(), f.typeHintAt(), f.issuedAt(), f.calledAt(), f.callCounterId(), f.callClerkId(), f.cancelledAt(),
                f.serviceBusinessType(), f.serviceStartedAt(), f.serviceFinishedAt(), f.serviceCounterId(), f.serviceClerkId(),
                l.policyVersion(), l.waitLimit().toSeconds(), l.waitWarningFraction(), l.handlingLimit().toSeconds(),
                l.handlingWarningFraction()) == 1;
    }

    public void update(TicketFacts f, TicketLimits l) {
        db.update("""
                UPDATE sla_ticket SET customer_tier = ?, ticket_number = ?, ticket_number_at = ?, issued_business_type = ?,
                    type_hint = ?, type_hint_at = ?, issued_at = ?, called_at = ?, call_counter_id = ?, call_clerk_id = ?,
                    cancelled_at = ?, service_business_type = ?, service_started_at = ?, service_finished_at = ?,
                    service_counter_id = ?, service_clerk_id = ?, policy_version = ?, wait_limit_seconds = ?,
                    wait_warning_fraction = ?, handling_limit_seconds = ?, handling_warning_fraction = ?, updated_at = now()
                WHERE ticket_id = ?""",
                f.customerTier(), f.ticketNumber(), f.ticketNumberAt(), f.issuedBusinessType(), f.typeHint(), f.typeHintAt(),
                f.issuedAt(), f.calledAt(), f.callCounterId(), f.callClerkId(), f.cancelledAt(), f.serviceBusinessType(),
                f.serviceStartedAt(), f.serviceFinishedAt(), f.serviceCounterId(), f.serviceClerkId(), l.policyVersion(),
                l.waitLimit().toSeconds(), l.waitWarningFraction(), l.handlingLimit().toSeconds(), l.handlingWarningFraction(),
                f.ticketId());
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
