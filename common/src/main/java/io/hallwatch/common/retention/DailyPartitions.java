package io.hallwatch.common.retention;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.Failures;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.UUID;

/**
 * Keeps the shared time-series tables ({@code outbox_event}, {@code processed_event}: hallwatch-common V0_3; the
 * consumers' {@code event_journal}: hallwatch-journal V0_4) in one
 * partition per UTC day of their time-ordered ids ({@link IdDays}): creates the days ahead, drops the days past their
 * retention whole ({@link PartitionPlan}), never by row deletes. At start and every {@code hallwatch.retention.interval},
 * by one replica at a time (a transaction-long advisory lock; the others skip the round). Real time, not the platform
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

    /** A partitioned table: its name, how long its rows are kept, and whether a day with unsent rows must stay. */
    public record Table(String name, Duration keep, boolean keepUnsent) {
        public Table {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a table name: " + name);
            }
        }
    }

    /** What one round did to one table. */
    public record Round(String table, List<LocalDate> created, List<LocalDate> dropped, List<LocalDate> keptUnsent) {
    }

    private final AgroalDataSource dataSource;
    private final RetentionConfig config;

    DailyPartitions(AgroalDataSource dataSource, RetentionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The shared tables; a service without one of them (the journal is only the consumers') skips it. */
    public List<Table> tables() {
        return List.of(new Table("outbox_event", config.outbox(), true),
                new Table("processed_event", config.processedEvents(), false),
                new Table("event_journal", config.journal(), false));
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
                if (!r.created().isEmpty() || !r.dropped().isEmpty() || !r.keptUnsent().isEmpty()) {
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

    /** One round at {@code now} over {@code tables} (each keyed by {@code event_id}, with a {@code <name>_default} partition). */
    public List<Round> maintain(Instant now, List<Table> tables) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return List.of();
                }
                List<Round> rounds = new ArrayList<>();
                for (Table t : tables) {
                    if (exists(c, "SELECT to_regclass('" + t.name() + "') IS NOT NULL")) {
                        rounds.add(maintain(c, t, now));
                    }
                }
                c.commit();
                return rounds;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot maintain the partitions: " + e.getMessage(), e);
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
            create(c, t.name(), day);
        }
        List<LocalDate> dropped = new ArrayList<>();
        List<LocalDate> kept = new ArrayList<>();
        for (LocalDate day : changes.drop()) {
            String partition = IdDays.partition(t.name(), day);
            if (t.keepUnsent() && exists(c, "SELECT EXISTS (SELECT 1 FROM " + partition + " WHERE sent_at IS NULL)")) {
                kept.add(day);
                continue;
            }
            execute(c, "DROP TABLE " + partition);
            dropped.add(day);
        }
        return new Round(t.name(), changes.create(), dropped, kept);
    }

    /** The day's partition; rows of that day the default partition holds move into it first. */
    private static void create(Connection c, String table, LocalDate day) throws SQLException {
        String partition = IdDays.partition(table, day);
        UUID from = IdDays.lowestAt(IdDays.start(day));
        UUID to = IdDays.lowestAt(IdDays.start(day.plusDays(1)));
        String range = "event_id >= '" + from + "' AND event_id < '" + to + "'";
        String defaultPartition = table + "_default";
        if (!exists(c, "SELECT EXISTS (SELECT 1 FROM " + defaultPartition + " WHERE " + range + ")")) {
            execute(c, "CREATE TABLE " + partition + " PARTITION OF " + table + " FOR VALUES FROM ('" + from + "') TO ('" + to + "')");
            return;
        }
        // The default partition holds rows of the day: no writer may add more until they are moved and the day attached.
        execute(c, "LOCK TABLE " + defaultPartition + " IN ACCESS EXCLUSIVE MODE");
        execute(c, "CREATE TABLE " + partition + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        execute(c, "INSERT INTO " + partition + " SELECT * FROM " + defaultPartition + " WHERE " + range);
        execute(c, "DELETE FROM " + defaultPartition + " WHERE " + range);
        execute(c, "ALTER TABLE " + table + " ATTACH PARTITION " + partition + " FOR VALUES FROM ('" + from + "') TO ('" + to + "')");
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

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
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
