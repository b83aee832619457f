package io.hallwatch.common.retention;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.Failures;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the time-series tables in one partition per UTC day of their time-ordered ids ({@link IdDays}): the shared
 * ones ({@code outbox_event}, {@code processed_event}: hallwatch-common V0_3; the consumers' {@code event_journal}:
 * hallwatch-journal V0_4) and the service's own ({@link PartitionedTables}). Creates the days ahead, drops the days
 * past their retention whole ({@link PartitionPlan}), detached first so that a foreign key into the day is checked,
 * never by row deletes. At start and every {@code hallwatch.retention.interval},
 * by one replica at a time (a session advisory lock held for the round; the others skip the round). Real time, not the platform
 * clock: the ids carry the wall clock of the service that made them.
 * <p>
 * Rows whose id falls in no daily partition (ids not made by Hallwatch's producers, or made before this job first
 * ran) go to the table's default partition; a day created later takes its rows out of it in the same transaction.
 * An outbox day with a row still unsent is kept, whatever its age: an event is never dropped before it was sent.
 */
@ApplicationScoped
public class DailyPartitions {
    private static final Logger LOG = Logger.getLogger(DailyPartitions.class);
    /** Names this job's advisory lock in each service's database ("HWRT"). */
    private static final long LOCK = 0x48575254L;

    /**
     * A partitioned table: its name, the column it is partitioned by (a {@code UUID}, or the id's canonical lower-case
     * text in a {@code TEXT COLLATE "C"} column, which compares byte by byte in the same time order), how long its
     * rows are kept, and whether a day with unsent rows ({@code sent_at IS NULL}) must stay.
     */
    public record Table(String name, String column, Duration keep, boolean keepUnsent, String storage) {
        public Table {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a table name: " + name);
            }
            if (!column.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a column name: " + column);
            }
            if (storage != null && !storage.matches("[a-z_]+ = [0-9]+(, [a-z_]+ = [0-9]+)*")) {
                throw new IllegalArgumentException("Not storage parameters: " + storage);
            }
        }

        /** A table partitioned by {@code column}, rows kept for {@code keep}. */
        public static Table of(String name, String column, Duration keep) {
            return new Table(name, column, keep, false, null);
        }

        /**
         * The same table whose daily partitions are made with these storage parameters, e.g. {@code fillfactor = 70}
         * for a table whose rows are updated in place: PostgreSQL keeps none on a partitioned table to hand down.
         */
        public Table withStorage(String parameters) {
            return new Table(name, column, keep, keepUnsent, parameters);
        }

        String with() {
            return storage == null ? "" : " WITH (" + storage + ")";
        }
    }

    /** What one round did to one table; {@code failure} says why it changed nothing there (null: it did not fail). */
    public record Round(String table, List<LocalDate> created, List<LocalDate> dropped, List<LocalDate> keptUnsent,
                        String failure) {
    }

    private final AgroalDataSource dataSource;
    private final RetentionConfig config;
    private final Instance<PartitionedTables> own;

    DailyPartitions(AgroalDataSource dataSource, RetentionConfig config, Instance<PartitionedTables> own) {
        this.dataSource = dataSource;
        this.config = config;
        this.own = own;
    }

    /**
     * The service's own tables, then the shared ones; a service without one of the shared tables (the journal is only
     * the consumers') skips it.
     */
    public List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        for (PartitionedTables service : own) {
            tables.addAll(service.tables(config));
        }
        tables.add(new Table("outbox_event", "event_id", config.keepOf("outbox_event", config.outbox()), true, null));
        tables.add(Table.of("processed_event", "event_id", config.keepOf("processed_event", config.processedEvents())));
        tables.add(Table.of("event_journal", "event_id", config.keepOf("event_journal", config.journal())));
        return tables;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            scheduled();
        }
    }

    @Scheduled(every = "${hallwatch.retention.interval:1h}", delayed = "${hallwatch.retention.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        try {
            for (Round r : maintain(Instant.now())) {
                if (r.failure() != null) {
                    // The next round tries again; the other tables went on.
                    LOG.warnf("Partitions of %s unchanged this round: %s", r.table(), r.failure());
                } else if (!r.created().isEmpty() || !r.dropped().isEmpty() || !r.keptUnsent().isEmpty()) {
                    LOG.infof("Partitions of %s: created %s, dropped %s%s", r.table(), r.created(), r.dropped(),
                            r.keptUnsent().isEmpty() ? "" : ", kept past retention with unsent rows " + r.keptUnsent());
                }
            }
        } catch (RuntimeException e) {
            // The next round tries again; until then the default partition takes any row a day has no partition for.
            LOG.warnf("Partition maintenance failed, tried again next round: %s", Failures.describe(e));
        }
    }

    /** One round at {@code now} over every table; empty where another replica holds the lock. */
    public List<Round> maintain(Instant now) {
        return maintain(now, tables());
    }

    /**
     * One round at {@code now} over {@code tables} (each with a {@code <name>_default} partition), in their order, each
     * table in a transaction of its own: a day's drop holds its table's exclusive lock only as long as that table's
     * part, not while the tables after it are done.
     */
    public List<Round> maintain(Instant now, List<Table> tables) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!tryLock(c)) {
                return List.of();
            }
            try {
                c.setAutoCommit(false);
                List<Round> rounds = new ArrayList<>();
                for (Table t : tables) {
                    Round r = maintainGivingWay(c, t, now);
                    if (r != null) {
                        rounds.add(r);
                    }
                }
                return rounds;
            } finally {
                try {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                } finally {
                    unlock(c);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot maintain the partitions: " + e.getMessage(), e);
        }
    }

    /**
     * One table's part, committed; null where the service has no such table. Where its locks are not had within
     * {@code lock-wait} (or PostgreSQL found the job in a deadlock), it is undone and tried again a little later, up
     * to {@code lock-attempts} times; any other refusal (a foreign key still pointing into an expired day) undoes only
     * this table's part and is told in its round.
     */
    private Round maintainGivingWay(Connection c, Table t, Instant now) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                execute(c, "SET LOCAL lock_timeout = " + Math.max(1, config.lockWait().toMillis()));
                if (!exists(c, "SELECT to_regclass('" + t.name() + "') IS NOT NULL")) {
                    c.rollback();
                    return null;
                }
                Round r = maintain(c, t, now);
                c.commit();
                return r;
            } catch (SQLException e) {
                c.rollback();
                boolean contended = "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
                if (!contended || attempt >= config.lockAttempts()) {
                    return new Round(t.name(), List.of(), List.of(), List.of(), e.getMessage());
                }
                pause(Duration.ofMillis(100L * attempt));
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Round maintain(Connection c, Table t, Instant now) throws SQLException {
        List<LocalDate> existing = new ArrayList<>();
        for (String name : partitions(c, t.name())) {
            LocalDate day = IdDays.dayOfPartition(t.name(), name);
            if (day != null) {
                existing.add(day);
            }
        }
        PartitionPlan.Changes changes = new PartitionPlan(t.keep(), config.daysAhead()).at(now, existing);
        for (LocalDate day : changes.create()) {
            create(c, t, day);
        }
        List<LocalDate> dropped = new ArrayList<>();
        List<LocalDate> kept = new ArrayList<>();
        for (LocalDate day : changes.drop()) {
            String partition = IdDays.partition(t.name(), day);
            if (t.keepUnsent() && exists(c, "SELECT EXISTS (SELECT 1 FROM " + partition + " WHERE sent_at IS NULL)")) {
                kept.add(day);
                continue;
            }
            // Detached first: a row of another table still referencing the day refuses it (and the round) instead of
            // the drop taking the foreign key's check with it.
            execute(c, "ALTER TABLE " + t.name() + " DETACH PARTITION " + partition);
            execute(c, "DROP TABLE " + partition);
            dropped.add(day);
        }
        return new Round(t.name(), changes.create(), dropped, kept, null);
    }

    /** The day's partition; rows of that day the default partition holds move into it first. */
    private static void create(Connection c, Table t, LocalDate day) throws SQLException {
        String table = t.name();
        String partition = IdDays.partition(table, day);
        String from = "'" + IdDays.lowestAt(IdDays.start(day)) + "'";
        String to = "'" + IdDays.lowestAt(IdDays.start(day.plusDays(1))) + "'";
        String range = t.column() + " >= " + from + " AND " + t.column() + " < " + to;
        String defaultPartition = table + "_default";
        if (!exists(c, "SELECT EXISTS (SELECT 1 FROM " + defaultPartition + " WHERE " + range + ")")) {
            execute(c, "CREATE TABLE " + partition + " PARTITION OF " + table + " FOR VALUES FROM (" + from + ") TO (" + to + ")" + t.with());
            return;
        }
        // The default partition holds rows of the day: no writer may add more until they are moved and the day attached.
        execute(c, "LOCK TABLE " + defaultPartition + " IN ACCESS EXCLUSIVE MODE");
        // Generated columns stay generated (an attached partition must match its parent's), and are not inserted.
        execute(c, "CREATE TABLE " + partition + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)"
                + t.with());
        String columns = insertable(c, table);
        execute(c, "INSERT INTO " + partition + " (" + columns + ") SELECT " + columns + " FROM " + defaultPartition + " WHERE " + range);
        try {
            execute(c, "DELETE FROM " + defaultPartition + " WHERE " + range);
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                // PostgreSQL checks a foreign key into a partitioned table per partition: a row pointing at a row of
                // the default partition cannot see it in the new one. Only a partition made before its day's rows
                // came avoids that (the job's days ahead, a migration for the rows it finds).
                throw new SQLException(day + "'s rows wait in " + defaultPartition + " and another table's foreign key points at "
                        + "them, so they cannot be moved into their day; the day stays in the default partition ("
                        + e.getMessage() + ")", e.getSQLState(), e);
            }
            throw e;
        }
        execute(c, "ALTER TABLE " + table + " ATTACH PARTITION " + partition + " FOR VALUES FROM (" + from + ") TO (" + to + ")");
    }

    /** The columns of {@code table} a row is written with: all but the generated ones. */
    private static String insertable(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT quote_ident(attname) FROM pg_attribute
                WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                ORDER BY attnum""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return String.join(", ", columns);
    }

    /** The partitions of {@code table}, by name. */
    public List<String> partitions(String table) {
        try (Connection c = dataSource.getConnection()) {
            return partitions(c, table);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the partitions of " + table + ": " + e.getMessage(), e);
        }
    }

    private static List<String> partitions(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT child.relname FROM pg_inherits i
                JOIN pg_class parent ON parent.oid = i.inhparent JOIN pg_class child ON child.oid = i.inhrelid
                JOIN pg_namespace n ON n.oid = parent.relnamespace
                WHERE parent.relname = ? AND n.nspname = current_schema() ORDER BY child.relname""")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** The job's advisory lock for this session (the round's transactions come and go under it); false where another holds it. */
    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Lets the lock go before the connection goes back to the pool (a broken connection's session lets it go itself). */
    private static void unlock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, LOCK);
            s.execute();
        }
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Skips the scheduled round where the job is switched off. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        private final RetentionConfig config;

        Disabled(RetentionConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
