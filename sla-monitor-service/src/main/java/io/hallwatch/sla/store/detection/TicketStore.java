package io.hallwatch.sla.store.detection;

import io.hallwatch.common.db.Db;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.sla.domain.detection.TicketFacts;
import io.hallwatch.common.standard.StandardLimits;
import io.hallwatch.sla.store.retention.LiveIds;
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
    public record StoredTicket(TicketFacts facts, StandardLimits limits) {
    }

    private final Db db;

    TicketStore(Db db) {
        this.db = db;
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
     * The tickets, locked until the transaction ends: a ticket's tickets-topic and services-topic
     * events may be applied by two instances at once (their partitions have different owners).
     * One query, locking in the order of the ids, so that two instances locking overlapping sets
     * cannot deadlock. Tickets without a row are left out.
     */
    public Map<String, StoredTicket> lockAll(Collection<String> ticketIds) {
        Map<String, StoredTicket> locked = new HashMap<>();
        if (!ticketIds.isEmpty()) {
            // Bounded by the ids' days: "= ANY(?)" alone reads every day's partition once the plan is generic.
            db.list("SELECT * FROM sla_ticket WHERE ticket_id = ANY(?) AND " + LiveIds.daysOf("ticket_id", ticketIds)
                            + " ORDER BY ticket_id FOR UPDATE",
                    TicketStore::read, ticketIds)
                    .forEach(t -> locked.put(t.facts().ticketId(), t));
        }
        return locked;
    }

    /**
     * Creates the tickets' rows: one statement for all. Returns the ids created; one left out
     * was created by another instance in the meantime (the caller then applies its events again,
     * to that row).
     */
    public Set<String> insertAllIfAbsent(List<StoredTicket> created) {
        // One parameter row per ticket (Db.listOverRows binds them column by column).
        var rows = created.stream().sorted(Comparator.comparing(t -> t.facts().ticketId()))
                .map(t -> insertArgs(t.facts(), t.limits())).toList();
        return new HashSet<>(db.listOverRows("""
                INSERT INTO sla_ticket (ticket_id, branch_id, customer_tier, ticket_number, ticket_number_at,
                    issued_business_type, type_hint, type_hint_at, issued_at, called_at, call_counter_id, call_clerk_id,
                    cancelled_at, closed_at, service_business_type, service_started_at, service_finished_at, service_counter_id,
                    service_clerk_id, policy_version, wait_limit_seconds, wait_warning_fraction, handling_limit_seconds,
                    handling_warning_fraction, walk_in, last_called_at, parked_at, park_waited_seconds, service_parked_at,
                    last_service_started_at, wait_from, issued_wait_from)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],
                    ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[],
                    ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::float8[],
                    ?::bigint[], ?::float8[], ?::boolean[], ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::timestamptz[],
                    ?::timestamptz[], ?::timestamptz[], ?::timestamptz[])
                ORDER BY 1
                ON CONFLICT (ticket_id) DO NOTHING
                RETURNING ticket_id""", rs -> rs.getString(1), rows));
    }

    /** {@link #update} for many tickets: one statement for all. */
    public void updateAll(List<StoredTicket> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<String> ids = changed.stream().map(t -> t.facts().ticketId()).toList();
        db.updateOverRows("""
                UPDATE sla_ticket t SET customer_tier = v.customer_tier, ticket_number = v.ticket_number,
                    ticket_number_at = v.ticket_number_at, issued_business_type = v.issued_business_type,
                    type_hint = v.type_hint, type_hint_at = v.type_hint_at, issued_at = v.issued_at, called_at = v.called_at,
                    call_counter_id = v.call_counter_id, call_clerk_id = v.call_clerk_id, cancelled_at = v.cancelled_at,
                    closed_at = v.closed_at,
                    service_business_type = v.service_business_type, service_started_at = v.service_started_at,
                    service_finished_at = v.service_finished_at, service_counter_id = v.service_counter_id,
                    service_clerk_id = v.service_clerk_id, policy_version = v.policy_version,
                    wait_limit_seconds = v.wait_limit_seconds, wait_warning_fraction = v.wait_warning_fraction,
                    handling_limit_seconds = v.handling_limit_seconds, handling_warning_fraction = v.handling_warning_fraction,
                    walk_in = v.walk_in, last_called_at = v.last_called_at, parked_at = v.parked_at,
                    park_waited_seconds = v.park_waited_seconds, service_parked_at = v.service_parked_at,
                    last_service_started_at = v.last_service_started_at, wait_from = v.wait_from,
                    issued_wait_from = v.issued_wait_from,
                    updated_at = now()
                FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                    ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::timestamptz[],
                    ?::timestamptz[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::float8[], ?::bigint[], ?::float8[],
                    ?::boolean[], ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::timestamptz[], ?::timestamptz[],
                    ?::timestamptz[], ?::timestamptz[], ?::text[])
                    AS v(customer_tier, ticket_number, ticket_number_at, issued_business_type, type_hint, type_hint_at,
                         issued_at, called_at, call_counter_id, call_clerk_id, cancelled_at, closed_at, service_business_type,
                         service_started_at, service_finished_at, service_counter_id, service_clerk_id, policy_version,
                         wait_limit_seconds, wait_warning_fraction, handling_limit_seconds, handling_warning_fraction,
                         walk_in, last_called_at, parked_at, park_waited_seconds, service_parked_at, last_service_started_at,
                         wait_from, issued_wait_from, ticket_id)
                WHERE t.ticket_id = v.ticket_id
                    -- The ids' days: the join alone probes every day's partition.
                    AND %s""".formatted(LiveIds.daysOf("t.ticket_id", ids)),
                changed.stream().sorted(Comparator.comparing(t -> t.facts().ticketId()))
                        .map(t -> updateArgs(t.facts(), t.limits())).toList());
    }

    private static Object[] insertArgs(TicketFacts f, StandardLimits l) {
        return new Object[]{f.ticketId(), f.branchId(), f.customerTier(), f.ticketNumber(), f.ticketNumberAt(),
                f.issuedBusinessType(), f.typeHint(), f.typeHintAt(), f.issuedAt(), f.calledAt(), f.callCounterId(),
                f.callClerkId(), f.cancelledAt(), f.closedAt(), f.serviceBusinessType(), f.serviceStartedAt(),
                f.serviceFinishedAt(), f.serviceCounterId(), f.serviceClerkId(), l.version(), l.waitLimit().toSeconds(),
                l.waitWarningFraction(), l.handlingLimit().toSeconds(), l.handlingWarningFraction(), f.walkIn(),
                f.lastCalledAt(), f.parkedAt(), f.parkWaitedSeconds(), f.serviceParkedAt(), f.lastServiceStartedAt(),
                f.waitClockStart(), f.waitFrom()};
    }

    private static Object[] updateArgs(TicketFacts f, StandardLimits l) {
        return new Object[]{f.customerTier(), f.ticketNumber(), f.ticketNumberAt(), f.issuedBusinessType(), f.typeHint(),
                f.typeHintAt(), f.issuedAt(), f.calledAt(), f.callCounterId(), f.callClerkId(), f.cancelledAt(), f.closedAt(),
                f.serviceBusinessType(), f.serviceStartedAt(), f.serviceFinishedAt(), f.serviceCounterId(),
                f.serviceClerkId(), l.version(), l.waitLimit().toSeconds(), l.waitWarningFraction(),
                l.handlingLimit().toSeconds(), l.handlingWarningFraction(), f.walkIn(), f.lastCalledAt(), f.parkedAt(),
                f.parkWaitedSeconds(), f.serviceParkedAt(), f.lastServiceStartedAt(), f.waitClockStart(), f.waitFrom(),
                f.ticketId()};
    }

    private static StoredTicket read(ResultSet rs) throws SQLException {
        String tier = rs.getString("customer_tier");
        TicketFacts facts = new TicketFacts(rs.getString("ticket_id"), rs.getString("branch_id"),
                tier == null ? null : CustomerTier.valueOf(tier), rs.getString("ticket_number"), Db.instant(rs, "ticket_number_at"),
                rs.getString("issued_business_type"), rs.getString("type_hint"), Db.instant(rs, "type_hint_at"),
                Db.instant(rs, "issued_at"), Db.instant(rs, "called_at"), rs.getString("call_counter_id"),
                rs.getString("call_clerk_id"), Db.instant(rs, "cancelled_at"), Db.instant(rs, "closed_at"),
                rs.getString("service_business_type"),
                Db.instant(rs, "service_started_at"), Db.instant(rs, "service_finished_at"), rs.getString("service_counter_id"),
                rs.getString("service_clerk_id"), rs.getBoolean("walk_in"), Db.instant(rs, "last_called_at"),
                Db.instant(rs, "parked_at"), rs.getObject("park_waited_seconds", Long.class), Db.instant(rs, "service_parked_at"),
                Db.instant(rs, "last_service_started_at"), Db.instant(rs, "issued_wait_from"));
        StandardLimits limits = new StandardLimits(rs.getInt("policy_version"), Duration.ofSeconds(rs.getLong("wait_limit_seconds")),
                rs.getDouble("wait_warning_fraction"), Duration.ofSeconds(rs.getLong("handling_limit_seconds")),
                rs.getDouble("handling_warning_fraction"));
        return new StoredTicket(facts, limits);
    }
}
