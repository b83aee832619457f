-- Data that expires (issue 26, item 3), the warnings and breaches: one partition per UTC day, dropped whole after
-- hallwatch.retention.facts (400 days; hallwatch.retention.keep.sla_breach) by common's DailyPartitions, as V15 does
-- for the tickets.
--
-- The partition key is day_id, not the finding's own id: breach_id is derived from what the finding is about
-- (BreachIds: a name-based UUID, the same on every instance and replay, and the id the events and the alerts know),
-- so it carries no time. day_id is a time-ordered id in the C collation, as V15's keys: a ticket's finding takes its
-- ticket's id, so it lands in its ticket's day and a ticket's findings are found in one partition; a branch-average
-- breach (no ticket) takes an id made on the wall clock when it was opened (TimeOrderedIds).
--
-- Unique keys on a partitioned table must contain the partition key:
--  * the primary key is (breach_id, day_id); breach_id alone stays unique, because a ticket's finding's day_id is a
--    function of its breach_id's subject (its ticket), and a branch-average breach's id is named by its branch and
--    the moment it was opened, one at a time per branch (below);
--  * "once per ticket and kind" is (ticket_id, kind, day_id): a ticket's findings all have day_id = ticket_id, so it
--    is the same as (ticket_id, kind);
--  * "at most one open branch-average breach per branch" (V2's partial unique index) cannot contain a day: it moves
--    to sla_branch_breach_open, a small unpartitioned table with a row per branch breach open now, written in the
--    statement that opens the breach and deleted by the one that closes it. The branch evaluation's "which branches
--    have one open" reads it instead of every day of sla_breach.

CREATE TABLE sla_branch_breach_open (
    branch_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    breach_id  UUID NOT NULL,
    day_id     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (branch_id, kind)
);

-- As V15's: the days of the rows already here (their ticket's day, a branch breach's day of recording) and today and
-- the three days ahead, made before the rows are copied.
CREATE FUNCTION hallwatch_v16_id(at TIMESTAMPTZ, tail TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || tail
    FROM (SELECT lpad(to_hex((extract(EPOCH FROM at) * 1000)::bigint), 12, '0') AS h) hex $$;
CREATE TEMPORARY TABLE hallwatch_v16_row ON COMMIT DROP AS
SELECT breach_id, COALESCE(ticket_id, hallwatch_v16_id(recorded_at, '-7000-8000-000000000000')) AS day_id FROM sla_breach;
CREATE TEMPORARY TABLE hallwatch_v16_day ON COMMIT DROP AS
SELECT DISTINCT (to_timestamp(('x' || lpad(replace(substr(day_id, 1, 13), '-', ''), 16, '0'))::bit(64)::bigint / 1000.0)
        AT TIME ZONE 'UTC')::date AS day
FROM hallwatch_v16_row
WHERE day_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
UNION
SELECT ((now() AT TIME ZONE 'UTC')::date + ahead) FROM generate_series(0, 3) AS ahead;

ALTER TABLE sla_breach RENAME TO sla_breach_before_partitions;
ALTER INDEX sla_breach_pkey RENAME TO sla_breach_before_partitions_pkey;
ALTER TABLE sla_breach_before_partitions RENAME CONSTRAINT sla_breach_once_per_ticket TO sla_breach_before_partitions_once;
DROP INDEX sla_breach_one_open_per_branch;
DROP INDEX sla_breach_branch_detected;
DROP INDEX sla_breach_detected;
CREATE TABLE sla_breach (
    breach_id       UUID        NOT NULL,
    kind            TEXT        NOT NULL,
    rule            TEXT        NOT NULL,
    level           TEXT        NOT NULL CHECK (level IN ('WARNING', 'BREACH')),
    branch_id       TEXT        NOT NULL,
    ticket_id       TEXT,
    ticket_number   TEXT,
    business_type   TEXT,
    customer_tier   TEXT,
    counter_id      TEXT,
    clerk_id        TEXT,
    limit_seconds   BIGINT      NOT NULL,
    actual_seconds  BIGINT      NOT NULL,
    started_at      TIMESTAMPTZ,
    deadline        TIMESTAMPTZ,
    detected_at     TIMESTAMPTZ NOT NULL,
    detected_late   BOOLEAN     NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    resolved_at     TIMESTAMPTZ,
    resolved_actual_seconds BIGINT,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    day_id          TEXT COLLATE "C" NOT NULL CHECK (ticket_id IS NULL OR day_id = ticket_id),
    PRIMARY KEY (breach_id, day_id),
    CONSTRAINT sla_breach_once_per_ticket UNIQUE (ticket_id, kind, day_id)
) PARTITION BY RANGE (day_id);
CREATE INDEX sla_breach_branch_detected ON sla_breach (branch_id, detected_at);
CREATE INDEX sla_breach_detected ON sla_breach (detected_at);
CREATE TABLE sla_breach_default PARTITION OF sla_breach DEFAULT;

CREATE FUNCTION hallwatch_v16_days(days DATE[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    d DATE;
BEGIN
    FOREACH d IN ARRAY days LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF sla_breach FOR VALUES FROM (%L) TO (%L)',
            'sla_breach_p' || to_char(d, 'YYYYMMDD'),
            hallwatch_v16_id(d::timestamp AT TIME ZONE 'UTC', '-0000-0000-000000000000'),
            hallwatch_v16_id((d + 1)::timestamp AT TIME ZONE 'UTC', '-0000-0000-000000000000'));
    END LOOP;
END $$;
SELECT hallwatch_v16_days((SELECT array_agg(day ORDER BY day) FROM hallwatch_v16_day));

INSERT INTO sla_breach (breach_id, kind, rule, level, branch_id, ticket_id, ticket_number, business_type, customer_tier,
    counter_id, clerk_id, limit_seconds, actual_seconds, started_at, deadline, detected_at, detected_late, status,
    resolved_at, resolved_actual_seconds, recorded_at, day_id)
SELECT b.breach_id, kind, rule, level, branch_id, ticket_id, ticket_number, business_type, customer_tier,
    counter_id, clerk_id, limit_seconds, actual_seconds, started_at, deadline, detected_at, detected_late, status,
    resolved_at, resolved_actual_seconds, recorded_at, r.day_id
FROM sla_breach_before_partitions b JOIN hallwatch_v16_row r ON r.breach_id = b.breach_id;
INSERT INTO sla_branch_breach_open (branch_id, kind, breach_id, day_id)
SELECT branch_id, kind, breach_id, day_id FROM sla_breach WHERE ticket_id IS NULL AND status = 'OPEN';
DROP TABLE sla_breach_before_partitions;

DROP FUNCTION hallwatch_v16_days(DATE[]);
DROP FUNCTION hallwatch_v16_id(TIMESTAMPTZ, TEXT);
