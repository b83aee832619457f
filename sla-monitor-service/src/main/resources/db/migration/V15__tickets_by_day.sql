-- Data that expires (issue 26, item 3): what the monitor knows of each ticket, and the tickets told at the kiosk that
-- their wait would pass the limit, one partition per UTC day of the ticket's id, so that a day past its retention
-- (hallwatch.retention.facts, 400 days; hallwatch.retention.keep.<table>) is dropped whole by common's
-- io.hallwatch.common.retention.DailyPartitions (registered by store.retention.MonitorTables), never by row deletes.
--
-- The key is the ticket's own id: the queue makes it time-ordered (UUID version 7, its wall clock in the leading
-- bits), so a ticket lands in the partition of the day it was made, every lookup by ticket (the consumer's, the
-- timers', the API's) names its one partition, and a row of each table for one ticket shares that day. The ids are
-- kept as text: in the C collation text compares byte by byte, which for the canonical lower-case form is the
-- UUIDs' time order. An id of no day (not made by the queue) goes to the default partition, which is never dropped.
--
-- Live queries (the branch averages, the branch status) bound the id from below (IdDays.liveFrom: three days back on
-- the wall clock), so that they read the last days' partitions only, however many days are kept.
--
-- The primary keys stay the ticket id: it is the partition key, so PostgreSQL's rule that a partitioned table's
-- unique keys include it holds as it is. The day partitions are made by the job (at start and hourly, days ahead),
-- with V7's fillfactor (MonitorTables); so does the default partition, not the few days made here.
--
-- The days the rows already here were made on, and today and the days ahead, get their partitions here, before the
-- rows are copied, so that nothing of a day waits in the default partition for the job to move it.
CREATE FUNCTION hallwatch_v15_bound(day DATE) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    -- IdDays.lowestAt: the day's first millisecond in the id's leading 48 bits, the rest zero.
    SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-0000-0000-000000000000'
    FROM (SELECT lpad(to_hex((extract(EPOCH FROM day::timestamp) * 1000)::bigint), 12, '0') AS h) hex $$;
CREATE FUNCTION hallwatch_v15_days(parent TEXT, days DATE[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    d DATE;
BEGIN
    FOREACH d IN ARRAY days LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
            parent || '_p' || to_char(d, 'YYYYMMDD'), parent, hallwatch_v15_bound(d), hallwatch_v15_bound(d + 1));
    END LOOP;
END $$;
-- The UTC days of the ticket ids made by the queue (UUID version 7), and today and the three days ahead (the job's
-- default hallwatch.retention.days-ahead).
CREATE TEMPORARY TABLE hallwatch_v15_day ON COMMIT DROP AS
SELECT DISTINCT (to_timestamp(('x' || lpad(replace(substr(ticket_id, 1, 13), '-', ''), 16, '0'))::bit(64)::bigint / 1000.0)
        AT TIME ZONE 'UTC')::date AS day
FROM (SELECT ticket_id FROM sla_ticket UNION SELECT ticket_id FROM sla_breach_predicted) ids
WHERE ticket_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'
UNION
SELECT ((now() AT TIME ZONE 'UTC')::date + ahead) FROM generate_series(0, 3) AS ahead;

ALTER TABLE sla_ticket RENAME TO sla_ticket_before_partitions;
ALTER INDEX sla_ticket_pkey RENAME TO sla_ticket_before_partitions_pkey;
DROP INDEX sla_ticket_branch_issued;
DROP INDEX sla_ticket_branch_wait_ended;
DROP INDEX sla_ticket_wait_ended;
DROP INDEX sla_ticket_issued;
CREATE TABLE sla_ticket (
    ticket_id                 TEXT COLLATE "C" NOT NULL,
    branch_id                 TEXT        NOT NULL,
    customer_tier             TEXT,
    ticket_number             TEXT,
    ticket_number_at          TIMESTAMPTZ,
    issued_business_type      TEXT,
    type_hint                 TEXT,
    type_hint_at              TIMESTAMPTZ,
    issued_at                 TIMESTAMPTZ,
    called_at                 TIMESTAMPTZ,
    call_counter_id           TEXT,
    call_clerk_id             TEXT,
    cancelled_at              TIMESTAMPTZ,
    service_business_type     TEXT,
    service_started_at        TIMESTAMPTZ,
    service_finished_at       TIMESTAMPTZ,
    service_counter_id        TEXT,
    service_clerk_id          TEXT,
    policy_version            INTEGER     NOT NULL,
    wait_limit_seconds        BIGINT      NOT NULL,
    wait_warning_fraction     DOUBLE PRECISION NOT NULL,
    handling_limit_seconds    BIGINT      NOT NULL,
    handling_warning_fraction DOUBLE PRECISION NOT NULL,
    business_type             TEXT GENERATED ALWAYS AS (COALESCE(issued_business_type, type_hint)) STORED,
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at                 TIMESTAMPTZ,
    walk_in                   BOOLEAN     NOT NULL DEFAULT false,
    last_called_at            TIMESTAMPTZ,
    parked_at                 TIMESTAMPTZ,
    park_waited_seconds       BIGINT,
    service_parked_at         TIMESTAMPTZ,
    last_service_started_at   TIMESTAMPTZ,
    wait_from                 TIMESTAMPTZ,
    -- V12's wait end, park-aware.
    wait_ended_at             TIMESTAMPTZ
        GENERATED ALWAYS AS (CASE WHEN parked_at IS NULL THEN LEAST(called_at, cancelled_at, closed_at, service_started_at)
            ELSE LEAST(CASE WHEN last_called_at >= parked_at THEN last_called_at END,
                       CASE WHEN cancelled_at >= parked_at THEN cancelled_at END,
                       CASE WHEN closed_at >= parked_at THEN closed_at END,
                       CASE WHEN last_service_started_at >= parked_at THEN last_service_started_at END) END) STORED,
    issued_wait_from          TIMESTAMPTZ,
    PRIMARY KEY (ticket_id)
) PARTITION BY RANGE (ticket_id);
-- V2's and V8's indexes, made on every partition.
CREATE INDEX sla_ticket_branch_issued ON sla_ticket (branch_id, issued_at);
CREATE INDEX sla_ticket_branch_wait_ended ON sla_ticket (branch_id, wait_ended_at);
CREATE INDEX sla_ticket_issued ON sla_ticket (issued_at);
CREATE INDEX sla_ticket_wait_ended ON sla_ticket (wait_ended_at) WHERE wait_ended_at IS NOT NULL;
CREATE TABLE sla_ticket_default PARTITION OF sla_ticket DEFAULT WITH (fillfactor = 70);
SELECT hallwatch_v15_days('sla_ticket', (SELECT array_agg(day ORDER BY day) FROM hallwatch_v15_day));
INSERT INTO sla_ticket (ticket_id, branch_id, customer_tier, ticket_number, ticket_number_at, issued_business_type,
    type_hint, type_hint_at, issued_at, called_at, call_counter_id, call_clerk_id, cancelled_at, service_business_type,
    service_started_at, service_finished_at, service_counter_id, service_clerk_id, policy_version, wait_limit_seconds,
    wait_warning_fraction, handling_limit_seconds, handling_warning_fraction, updated_at, closed_at, walk_in,
    last_called_at, parked_at, park_waited_seconds, service_parked_at, last_service_started_at, wait_from, issued_wait_from)
SELECT ticket_id, branch_id, customer_tier, ticket_number, ticket_number_at, issued_business_type,
    type_hint, type_hint_at, issued_at, called_at, call_counter_id, call_clerk_id, cancelled_at, service_business_type,
    service_started_at, service_finished_at, service_counter_id, service_clerk_id, policy_version, wait_limit_seconds,
    wait_warning_fraction, handling_limit_seconds, handling_warning_fraction, updated_at, closed_at, walk_in,
    last_called_at, parked_at, park_waited_seconds, service_parked_at, last_service_started_at, wait_from, issued_wait_from
FROM sla_ticket_before_partitions;
DROP TABLE sla_ticket_before_partitions;

-- Read only by the daily report, joined to sla_ticket by ticket: the same day as its ticket.
ALTER TABLE sla_breach_predicted RENAME TO sla_breach_predicted_before_partitions;
ALTER INDEX sla_breach_predicted_pkey RENAME TO sla_breach_predicted_before_partitions_pkey;
DROP INDEX sla_breach_predicted_branch_issued;
CREATE TABLE sla_breach_predicted (
    ticket_id              TEXT COLLATE "C" NOT NULL,
    branch_id              TEXT        NOT NULL,
    issued_at              TIMESTAMPTZ NOT NULL,
    estimated_wait_seconds BIGINT,
    PRIMARY KEY (ticket_id)
) PARTITION BY RANGE (ticket_id);
CREATE INDEX sla_breach_predicted_branch_issued ON sla_breach_predicted (branch_id, issued_at);
CREATE TABLE sla_breach_predicted_default PARTITION OF sla_breach_predicted DEFAULT;
SELECT hallwatch_v15_days('sla_breach_predicted', (SELECT array_agg(day ORDER BY day) FROM hallwatch_v15_day));
INSERT INTO sla_breach_predicted (ticket_id, branch_id, issued_at, estimated_wait_seconds)
SELECT ticket_id, branch_id, issued_at, estimated_wait_seconds FROM sla_breach_predicted_before_partitions;
DROP TABLE sla_breach_predicted_before_partitions;

DROP FUNCTION hallwatch_v15_days(TEXT, DATE[]);
DROP FUNCTION hallwatch_v15_bound(DATE);
