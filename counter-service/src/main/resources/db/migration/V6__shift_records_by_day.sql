-- Data that expires (issue 26): a clerk's shift records, one partition per UTC day of a time-ordered id (UUID
-- version 7: its first 48 bits are the millisecond it was made, so the id's order is time order), so that a day past
-- its retention (hallwatch.retention.facts, 400 days: the clerk's daily report reads them) is dropped whole by
-- io.hallwatch.common.retention.DailyPartitions, never deleted row by row. The job makes the daily partitions (at start
-- and hourly, days ahead); until then, and for ids of no day (records from before this migration: random ids), the
-- default partition takes the rows.
--
-- service_record and no_show_record are partitioned by ticket_id: the queue-service makes it time-ordered, both keys
-- already hold it, and every write after the insert finds the row by it, so it touches one partition.
-- clerk_session and counter_pause had random ids (UUID.randomUUID(), no time order: no day to put a row in). They are
-- now made by TimeOrderedIds.next() and the tables partitioned by id, rather than by signed_in_at / started_at: those
-- are the platform clock (scaled in demo mode, set in tests), and a pause is looked up by its id alone (the counter
-- keeps pause_id), which then names its partition.
-- None of these tables references another or is referenced (counter.pause_id is not a foreign key): a day of each
-- can go on its own.
-- The day reports' indexes are made again on the parents: every partition gets its own.

ALTER TABLE service_record RENAME TO service_record_before_partitions;
ALTER INDEX service_record_pkey RENAME TO service_record_before_partitions_pkey;
DROP INDEX service_record_clerk_day;
DROP INDEX service_record_ticket;
DROP INDEX service_record_branch_day;
CREATE TABLE service_record (
    ticket_id              UUID        NOT NULL,
    branch_id              TEXT        NOT NULL,
    counter_id             TEXT        NOT NULL,
    clerk_id               TEXT        NOT NULL,
    ticket_number          TEXT        NOT NULL,
    business_type          TEXT        NOT NULL,
    tier                   TEXT        NOT NULL,
    service_day            DATE        NOT NULL,
    called_at              TIMESTAMPTZ NOT NULL,
    started_at             TIMESTAMPTZ NOT NULL,
    finished_at            TIMESTAMPTZ,
    handling_seconds       BIGINT,
    limit_seconds          INTEGER     NOT NULL,
    outcome                TEXT CHECK (outcome IN ('COMPLETED', 'REFERRED', 'UNRESOLVED')),
    business_types_handled TEXT[],
    note                   TEXT,
    parked_at              TIMESTAMPTZ,
    -- The key's leading ticket_id serves the lookups by ticket (the old service_record_ticket index).
    PRIMARY KEY (ticket_id, started_at)
) PARTITION BY RANGE (ticket_id);
CREATE TABLE service_record_default PARTITION OF service_record DEFAULT;
CREATE INDEX service_record_clerk_day ON service_record (clerk_id, service_day);
CREATE INDEX service_record_branch_day ON service_record (branch_id, service_day);
INSERT INTO service_record (ticket_id, branch_id, counter_id, clerk_id, ticket_number, business_type, tier, service_day,
                            called_at, started_at, finished_at, handling_seconds, limit_seconds, outcome,
                            business_types_handled, note, parked_at)
SELECT ticket_id, branch_id, counter_id, clerk_id, ticket_number, business_type, tier, service_day,
       called_at, started_at, finished_at, handling_seconds, limit_seconds, outcome,
       business_types_handled, note, parked_at
FROM service_record_before_partitions;
DROP TABLE service_record_before_partitions;

ALTER TABLE no_show_record RENAME TO no_show_record_before_partitions;
ALTER INDEX no_show_record_pkey RENAME TO no_show_record_before_partitions_pkey;
DROP INDEX no_show_clerk_day;
DROP INDEX no_show_branch_day;
CREATE TABLE no_show_record (
    ticket_id   UUID        NOT NULL,
    branch_id   TEXT        NOT NULL,
    counter_id  TEXT        NOT NULL,
    clerk_id    TEXT        NOT NULL,
    service_day DATE        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    -- Once per ticket (ON CONFLICT DO NOTHING): the ticket's day holds its only row.
    PRIMARY KEY (ticket_id)
) PARTITION BY RANGE (ticket_id);
CREATE TABLE no_show_record_default PARTITION OF no_show_record DEFAULT;
CREATE INDEX no_show_clerk_day ON no_show_record (clerk_id, service_day);
CREATE INDEX no_show_branch_day ON no_show_record (branch_id, service_day);
INSERT INTO no_show_record (ticket_id, branch_id, counter_id, clerk_id, service_day, at)
SELECT ticket_id, branch_id, counter_id, clerk_id, service_day, at FROM no_show_record_before_partitions;
DROP TABLE no_show_record_before_partitions;

ALTER TABLE counter_pause RENAME TO counter_pause_before_partitions;
ALTER INDEX counter_pause_pkey RENAME TO counter_pause_before_partitions_pkey;
DROP INDEX counter_pause_clerk_day;
DROP INDEX counter_pause_branch_day;
CREATE TABLE counter_pause (
    id               UUID        NOT NULL,
    branch_id        TEXT        NOT NULL,
    counter_id       TEXT        NOT NULL,
    clerk_id         TEXT        NOT NULL,
    reason           TEXT        NOT NULL CHECK (reason IN ('BREAK', 'TRAINING', 'SUPERVISOR', 'OTHER')),
    service_day      DATE        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ,
    duration_seconds BIGINT,
    PRIMARY KEY (id)
) PARTITION BY RANGE (id);
CREATE TABLE counter_pause_default PARTITION OF counter_pause DEFAULT;
CREATE INDEX counter_pause_clerk_day ON counter_pause (clerk_id, service_day);
CREATE INDEX counter_pause_branch_day ON counter_pause (branch_id, service_day);
INSERT INTO counter_pause (id, branch_id, counter_id, clerk_id, reason, service_day, started_at, ended_at, duration_seconds)
SELECT id, branch_id, counter_id, clerk_id, reason, service_day, started_at, ended_at, duration_seconds
FROM counter_pause_before_partitions;
DROP TABLE counter_pause_before_partitions;

ALTER TABLE clerk_session RENAME TO clerk_session_before_partitions;
ALTER INDEX clerk_session_pkey RENAME TO clerk_session_before_partitions_pkey;
CREATE TABLE clerk_session (
    id            UUID        NOT NULL,
    branch_id     TEXT        NOT NULL,
    counter_id    TEXT        NOT NULL,
    clerk_id      TEXT        NOT NULL,
    signed_in_at  TIMESTAMPTZ NOT NULL,
    signed_out_at TIMESTAMPTZ,
    PRIMARY KEY (id)
) PARTITION BY RANGE (id);
CREATE TABLE clerk_session_default PARTITION OF clerk_session DEFAULT;
-- Sign-out closes the counter's open session: only open ones are indexed, a few per partition.
CREATE INDEX clerk_session_open ON clerk_session (branch_id, counter_id, clerk_id) WHERE signed_out_at IS NULL;
INSERT INTO clerk_session (id, branch_id, counter_id, clerk_id, signed_in_at, signed_out_at)
SELECT id, branch_id, counter_id, clerk_id, signed_in_at, signed_out_at FROM clerk_session_before_partitions;
DROP TABLE clerk_session_before_partitions;
