package io.hallwatch.common.retention;

import java.util.List;

/**
 * A service's own time-series tables, kept by {@link DailyPartitions} beside the shared ones: a bean of the service
 * implements this and names them, each partitioned by range of a time-ordered id ({@link IdDays}) in its migration.
 * A table whose rows reference another's ({@code FOREIGN KEY}) comes before it, so that its expired day is dropped
 * first and the referenced day can go in the same round. A
 * referenced table's rows must never wait in its default partition for a day the job then makes (PostgreSQL checks a
 * foreign key per partition, so they could not be moved): the job makes days ahead, and the migration that partitions
 * a referenced table makes the days of the rows it already holds.
 */
public interface PartitionedTables {

    /** The tables, referencing ones first; {@code config} gives each its retention ({@link RetentionConfig#keepOf}). */
    List<DailyPartitions.Table> tables(RetentionConfig config);
}
