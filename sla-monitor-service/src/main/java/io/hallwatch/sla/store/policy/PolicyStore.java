package io.hallwatch.sla.store.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.common.db.Db;
import io.hallwatch.events.ServiceStandard;
import io.hallwatch.sla.domain.policy.PolicyHistory;
import io.hallwatch.sla.domain.policy.PolicyVersion;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy's versions in {@code sla_policy_version}. Versions are append-only; the history is
 * cached and reloaded when a newer version appears (another instance may have written it), which
 * costs one indexed lookup per use.
 */
@ApplicationScoped
public class PolicyStore {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Db db;
    private final ObjectMapper json;
    private final AtomicReference<PolicyHistory> cache = new AtomicReference<>();

    PolicyStore(Db db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    public PolicyHistory history() {
        int latest = (int) db.count("SELECT COALESCE(max(version), 0) FROM sla_policy_version");
        PolicyHistory cached = cache.get();
        if (cached != null && cached.current().version() == latest) {
            return cached;
        }
        PolicyHistory loaded = new PolicyHistory(db.list("SELECT * FROM sla_policy_version ORDER BY version", this::version));
        cache.set(loaded);
        return loaded;
    }

    /**
     * The history as last read, without asking the database for a newer version: for uses that
     * may lag behind a policy change by a moment, such as metric tags. Benchmark 2 found the
     * lookup of {@link #history()} once per observed wait and service (two round trips an event)
     * to be the monitor's largest cost; the detection still calls {@link #history()} once a poll,
     * which refreshes what this returns.
     */
    public PolicyHistory lastRead() {
        PolicyHistory cached = cache.get();
        return cached != null ? cached : history();
    }

    /** Serialises writers until the transaction ends, so two changes on the same version cannot both win. */
    public void lockForAppend() {
        db.update("LOCK TABLE sla_policy_version IN SHARE ROW EXCLUSIVE MODE");
    }

    /** Appends a version, in the caller's transaction. */
    public void insert(PolicyVersion next) {
        db.update("""
                INSERT INTO sla_policy_version (version, effective_from, changed_by, reason, document, changes)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""",
                next.version(), next.effectiveFrom(), next.changedBy(), next.reason(), write(next.document()), write(next.changes()));
    }

    private PolicyVersion version(ResultSet rs) throws SQLException {
        try {
            return new PolicyVersion(rs.getInt("version"), Db.instant(rs, "effective_from"), rs.getString("changed_by"),
                    rs.getString("reason"), json.readValue(rs.getString("document"), ServiceStandard.class),
                    json.readValue(rs.getString("changes"), STRINGS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable policy version " + rs.getInt("version"), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the policy", e);
        }
    }
}
