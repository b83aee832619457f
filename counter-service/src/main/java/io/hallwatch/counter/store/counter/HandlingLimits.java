package io.hallwatch.counter.store.counter;

import io.hallwatch.common.db.Db;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The handling-time limit per business type, from the service standard (业务受理速度要求): the
 * counter's own copy, table {@code handling_limit}.
 */
@ApplicationScoped
public class HandlingLimits {
    /** For a type the standard does not name and nobody configured: the longest named limit. */
    static final int FALLBACK_SECONDS = 600;

    private final Db db;

    HandlingLimits(Db db) {
        this.db = db;
    }

    public int secondsFor(String businessType) {
        return db.one("SELECT limit_seconds FROM handling_limit WHERE business_type = ?", rs -> rs.getInt("limit_seconds"),
                businessType).orElse(FALLBACK_SECONDS);
    }
}
