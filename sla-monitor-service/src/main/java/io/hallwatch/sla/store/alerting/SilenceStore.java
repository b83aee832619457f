package io.hallwatch.sla.store.alerting;

import io.hallwatch.common.db.Db;
import io.hallwatch.sla.domain.alerting.Silence;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Branch-wide silences ({@code alert_silence}). */
@ApplicationScoped
public class SilenceStore {
    private final Db db;

    SilenceStore(Db db) {
        this.db = db;
    }

    public void insert(Silence s, Instant createdAt) {
        db.update("INSERT INTO alert_silence (silence_id, branch_id, starts_at, ends_at, created_by, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                s.silenceId(), s.branchId(), s.startsAt(), s.endsAt(), s.createdBy(), s.reason(), createdAt);
    }

    /** The branch's silences not over at {@code now}, earliest first. */
    public List<Silence> notOver(String branchId, Instant now) {
        return db.list("SELECT * FROM alert_silence WHERE branch_id = ? AND ends_at > ? ORDER BY starts_at", rs -> new Silence(
                rs.getString("silence_id"), rs.getString("branch_id"), Db.instant(rs, "starts_at"), Db.instant(rs, "ends_at"),
                rs.getString("created_by"), rs.getString("reason")), branchId, now);
    }

    /** Whether a silence of the branch is in force at {@code now}. */
    public boolean inForce(String branchId, Instant now) {
        return db.count("SELECT count(*) FROM alert_silence WHERE branch_id = ? AND starts_at <= ? AND ends_at > ?",
                branchId, now, now) > 0;
    }

    /**
     * Deletes the silences that ended before {@code before}: a branch's settings, not a time series, so not by day as
     * the alerts go. Returns how many.
     */
    public int purge(Instant before) {
        return db.update("DELETE FROM alert_silence WHERE ends_at < ?", before);
    }
}
