package io.hallwatch.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Native queries hand back a timestamptz as Instant, OffsetDateTime or Timestamp, depending on the path. */
public final class SqlTimes {
    private SqlTimes() {
    }

    public static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
    }
}
