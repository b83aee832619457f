package io.hallwatch.common.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * How long the shared time-series tables keep their rows (dropped by day, as whole partitions). The consumers'
 * dedupe record must outlive every copy of an event Kafka may still deliver: keep it longer than the topics'
 * retention (7 days by default, {@code deploy/local/CreateTopics.java} and the k8s topic config) — by default 7 days
 * more.
 */
@ConfigMapping(prefix = "hallwatch.retention")
public interface RetentionConfig {

    /** Run the partition job in this instance (one replica at a time does the work, under an advisory lock). */
    @WithDefault("true")
    boolean enabled();

    /** How often the job looks (real time); it also runs at start. */
    @WithDefault("1h")
    Duration interval();

    /** Partitions created ahead of today (UTC), so that a day's first rows never wait for the job. */
    @WithDefault("3")
    int daysAhead();

    /**
     * How long the job waits for a table's lock before it lets go and tries again a little later ({@code lock_timeout}):
     * shorter than PostgreSQL's {@code deadlock_timeout} (1 s), so that where a live transaction and the job wait on
     * each other (a detach locks the partitioned table and the one its foreign key names), the job gives way, never
     * the clerk's call or the kiosk's issue.
     */
    @WithDefault("300ms")
    Duration lockWait();

    /** How many times a table's round is tried while its locks are held by others, before it waits for the next round. */
    @WithDefault("5")
    int lockAttempts();

    /** The consumers' record of the events they applied ({@code processed_event}). */
    @WithDefault("14d")
    Duration processedEvents();

    /**
     * The consuming services' journal of every event they applied ({@code event_journal}): what they saw, for replay
     * and audit, and the dedupe record of the consumer that journals everything it applies.
     */
    @WithDefault("400d")
    Duration journal();

    /** The outbox's sent rows ({@code outbox_event}); a day with a row still unsent is never dropped. */
    @WithDefault("14d")
    Duration outbox();

    /** A service's own time-series tables ({@link PartitionedTables}): the facts its reports read, by default. */
    @WithDefault("400d")
    Duration facts();

    /** Per table, where it should keep its days longer or shorter than its default, e.g. {@code hallwatch.retention.keep.ticket=90d}. */
    Map<String, Duration> keep();

    /** How long {@code table} keeps its days: its own setting, else {@code fallback}. */
    default Duration keepOf(String table, Duration fallback) {
        return keep().getOrDefault(table, fallback);
    }

    /** How long a service's table of facts keeps its days: its own setting, else {@link #facts()}. */
    default Duration keepOf(String table) {
        return keepOf(table, facts());
    }

    /**
     * How long a table whose rows each name a row of another (kept {@code named}) keeps its days: its own setting, else
     * the other's, and never longer. A row outliving what it names is of no use and, behind a foreign key, would
     * refuse that row's day its drop.
     */
    default Duration keepWithin(String table, Duration named) {
        Duration own = keepOf(table, named);
        return own.compareTo(named) > 0 ? named : own;
    }
}
