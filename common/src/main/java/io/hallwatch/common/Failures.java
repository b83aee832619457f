package io.hallwatch.common;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * What the services need to know of a failure: whether it is worth waiting out (the database is
 * away, busy, or asked for a retry) or will recur, and a short description for a log line.
 */
public final class Failures {
    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08 connection, 53 resources, 57 operator intervention, 40 serialization/deadlock;
                // no state at all: the pool could not hand out a connection.
                if (state == null || state.startsWith("08") || state.startsWith("53")
                        || state.startsWith("57") || state.startsWith("40")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // The standard's first version has not arrived yet: it will, so wait for it as for a database.
            if (t instanceof io.hallwatch.common.standard.StandardUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database refused text it cannot hold (a NUL byte, a character outside its
     * encoding): the caller's input is at fault, and the same request will fail again.
     */
    public static boolean isUnstorableText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The root cause, briefly: for log lines and dead-letter headers, never for API callers. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String text = root.getClass().getSimpleName() + message;
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
