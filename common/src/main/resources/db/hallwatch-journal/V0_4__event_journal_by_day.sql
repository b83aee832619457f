-- Data that expires (issue 26): the event journal, like the outbox and the dedupe record (hallwatch-common V0_3), one
-- partition per UTC day of its time-ordered event ids, dropped whole after hallwatch.retention.journal by
-- io.hallwatch.common.retention.DailyPartitions. The journal is also the dedupe record of the one consumer of a
-- service that journals everything it applies: keyed by the event id, a redelivery meets its first copy's row in the
-- same partition. The secondary indexes come back only where the table had them (sla-monitor-service dropped them in
-- its V7; on a new database that V7 runs after this and drops them again).
DO $$
DECLARE
    had_subject BOOLEAN := to_regclass('event_journal_subject') IS NOT NULL;
    had_branch  BOOLEAN := to_regclass('event_journal_branch_time') IS NOT NULL;
BEGIN
    ALTER TABLE event_journal RENAME TO event_journal_before_partitions;
    ALTER INDEX event_journal_pkey RENAME TO event_journal_before_partitions_pkey;
    DROP INDEX IF EXISTS event_journal_subject;
    DROP INDEX IF EXISTS event_journal_branch_time;
    CREATE TABLE event_journal (
        event_id     UUID PRIMARY KEY,
        event_type   TEXT        NOT NULL,
        branch_id    TEXT        NOT NULL,
        subject      TEXT        NOT NULL,
        event_time   TIMESTAMPTZ NOT NULL,
        received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
        payload      JSONB       NOT NULL
    ) PARTITION BY RANGE (event_id);
    CREATE TABLE event_journal_default PARTITION OF event_journal DEFAULT;
    IF had_subject THEN
        CREATE INDEX event_journal_subject ON event_journal (subject, event_time);
    END IF;
    IF had_branch THEN
        CREATE INDEX event_journal_branch_time ON event_journal (branch_id, event_time);
    END IF;
    INSERT INTO event_journal (event_id, event_type, branch_id, subject, event_time, received_at, payload)
    SELECT event_id, event_type, branch_id, subject, event_time, received_at, payload FROM event_journal_before_partitions;
    DROP TABLE event_journal_before_partitions;
END $$;
