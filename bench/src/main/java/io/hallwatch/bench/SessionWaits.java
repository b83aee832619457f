package io.hallwatch.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the services' database sessions were doing while a run went on: {@code pg_stat_activity} sampled every
 * {@code every}, each session working on a statement counted under what it waited for, if anything. A design that
 * stops at a lock (a per-branch advisory lock, a row every transaction takes) shows its sessions waiting on that
 * lock as the load grows; one that runs out of cores shows them on the CPU (no wait) and the machine busy.
 */
final class SessionWaits implements AutoCloseable {
    /** The categories, in the report's order. */
    static final String CPU = "working (no wait)";
    static final String ADVISORY = "advisory lock";
    static final String ROW = "row or transaction lock";
    static final String TABLE = "table or other heavyweight lock";
    static final String LWLOCK = "PostgreSQL internal lock (LWLock)";
    static final String IO = "disk or WAL I/O";
    static final String OTHER = "other wait";

    /** {@code sessions}: session-samples per category; {@code samples}: how many times the sessions were looked at. */
    record Result(Map<String, Long> sessions, long samples, String failure) {
        long total() {
            return sessions.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The share of working session-samples under {@code category}, 0 to 1. */
        double share(String category) {
            long total = total();
            return total == 0 ? 0 : sessions.getOrDefault(category, 0L) / (double) total;
        }

        /** Every heavyweight lock together: advisory, row or transaction, table. */
        double lockShare() {
            return share(ADVISORY) + share(ROW) + share(TABLE);
        }

        /** Sessions working on a statement at a sample, on average. */
        double meanWorking() {
            return samples == 0 ? 0 : total() / (double) samples;
        }
    }

    private final Map<String, Long> sessions = new LinkedHashMap<>();
    private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "session-waits");
        t.setDaemon(true);
        return t;
    });
    private final Connection connection;
    private final PreparedStatement query;
    private long samples;
    private String failure;

    /** Samples the sessions of {@code databases} on {@code host:port} as {@code user} every {@code interval}. */
    SessionWaits(String host, String port, String user, Collection<String> databases, Duration interval) throws SQLException {
        for (String c : new String[]{CPU, ADVISORY, ROW, TABLE, LWLOCK, IO, OTHER}) {
            sessions.put(c, 0L);
        }
        connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, "");
        query = connection.prepareStatement("""
                SELECT wait_event_type, wait_event, count(*) FROM pg_stat_activity
                WHERE state = 'active' AND datname = ANY (?) AND pid <> pg_backend_pid()
                GROUP BY 1, 2""");
        query.setArray(1, connection.createArrayOf("text", databases.toArray()));
        long ms = interval.toMillis();
        every.scheduleAtFixedRate(this::sample, ms, ms, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        if (failure != null) {
            return;
        }
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                sessions.merge(category(rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum);
            }
            samples++;
        } catch (SQLException e) {
            failure = e.toString();
        }
    }

    static String category(String type, String event) {
        if (type == null) {
            return CPU;
        }
        return switch (type) {
            case "Lock" -> switch (event) {
                case "advisory" -> ADVISORY;
                case "transactionid", "tuple" -> ROW;
                default -> TABLE;
            };
            case "LWLock" -> LWLOCK;
            case "IO" -> IO;
            default -> OTHER;
        };
    }

    /** Stops sampling; what was seen. */
    synchronized Result stop() {
        every.shutdownNow();
        return new Result(new LinkedHashMap<>(sessions), samples, failure);
    }

    @Override
    public void close() throws SQLException {
        every.shutdownNow();
        connection.close();
    }
}
