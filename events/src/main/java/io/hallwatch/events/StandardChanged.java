package io.hallwatch.events;

import java.time.Instant;
import java.util.List;

/**
 * A new version of the service standard, published by its owner (the SLA monitor) whenever an
 * administrator changes it, and again at the owner's start so that a fresh topic is never empty.
 * It applies to tickets issued at or after {@code effectiveFrom}. On {@link Topics#STANDARD}, a
 * compacted topic whose every record has the same key: a consumer that reads it from the beginning
 * ends with the version in force, however long ago it was published.
 *
 * @param changes what this version changed against the one before, one line each (the audit trail)
 */
public record StandardChanged(int version, Instant effectiveFrom, String changedBy, @Nullable String reason,
                              ServiceStandard standard, List<String> changes) implements EventPayload {

    /** The one record key of the compacted topic. */
    public static final String KEY = "service-standard";

    public StandardChanged {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Not a branch's event: the standard applies to every branch (its overrides name their own). */
    @Override
    public String branchId() {
        return null;
    }

    @Override
    public String recordKey() {
        return KEY;
    }

    @Override
    public String subject() {
        return KEY + "/v" + version;
    }
}
