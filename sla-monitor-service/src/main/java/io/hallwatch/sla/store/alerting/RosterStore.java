package io.hallwatch.sla.store.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Rosters in PostgreSQL, one document per branch. */
@ApplicationScoped
public class RosterStore {

    /** A stored roster, unmasked: for delivery only. */
    public record Stored(String branchId, DutyRoster roster, int revision, Instant updatedAt) {
    }

    private final Db db;
    private final ObjectMapper json;

    RosterStore(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public Optional<Stored> find(String branchId) {
        return db.one("SELECT * FROM alert_duty_roster WHERE branch_id = ?", rs -> {
            try {
                return new Stored(rs.getString("branch_id"), json.readValue(rs.getString("document"), DutyRoster.class),
                        rs.getInt("revision"), Db.instant(rs, "updated_at"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable roster of branch " + branchId, e);
            }
        }, branchId);
    }

    @Transactional
    public Stored put(String branchId, DutyRoster roster, Instant at) {
        String doc;
        try {
            doc = json.writeValueAsString(roster);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Roster not writable", e);
        }
        db.update("""
                INSERT INTO alert_duty_roster (branch_id, document, revision, updated_at) VALUES (?, CAST(? AS jsonb), 1, ?)
                ON CONFLICT (branch_id) DO UPDATE SET document = EXCLUDED.document,
                    revision = alert_duty_roster.revision + 1, updated_at = EXCLUDED.updated_at""", branchId, doc, at);
        return find(branchId).orElseThrow();
    }
}
