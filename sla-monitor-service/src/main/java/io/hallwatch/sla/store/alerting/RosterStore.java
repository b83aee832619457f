package io.hallwatch.sla.store.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.alerting.BranchRoster;
import io.hallwatch.sla.domain.alerting.DutyRoster;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/** Rosters in PostgreSQL, one JSON document per branch. */
@ApplicationScoped
public class RosterStore {
    private final Db db;
    private final ObjectMapper json;

    RosterStore(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public Optional<BranchRoster> find(String branchId) {
        return db.one("SELECT * FROM alert_duty_roster WHERE branch_id = ?", rs -> {
            try {
                return new BranchRoster(rs.getString("branch_id"), json.readValue(rs.getString("document"), DutyRoster.class),
                        rs.getInt("revision"), Db.instant(rs, "updated_at"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable roster of branch " + branchId, e);
            }
        }, branchId);
    }

    /** Replaces the branch's roster (the next revision); in the caller's transaction. */
    public BranchRoster put(String branchId, DutyRoster roster, Instant at) {
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
