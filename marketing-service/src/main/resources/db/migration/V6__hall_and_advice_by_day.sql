-- Data that expires (issue 26): the hall, the breaches, the advice given at the counters with its outcome, the
-- follow-ups and the campaigns' leads and sales, one partition per UTC day of a time-ordered id (UUID version 7: its
-- first 48 bits are the millisecond it was made, so the id's order is time order), so that a day past its retention
-- (hallwatch.retention.facts, 400 days, or hallwatch.retention.keep.<table>) is dropped whole by
-- io.hallwatch.common.retention.DailyPartitions, never deleted row by row. The job makes the daily partitions (at start
-- and hourly, days ahead); until then, and for ids of no day (rows from before this migration: random ids), the default
-- partition takes the rows.
--
-- hall_ticket and wait_breach: by ticket_id, the queue-service's time-ordered id, kept as its text. The column is
-- TEXT COLLATE "C" so that the text compares byte by byte, which is the ids' time order (in a linguistic collation it
-- is not, and the day ranges would not hold).
-- recommendation, follow_up, campaign_record: their ids were random (UUID.randomUUID(): no day to put a row in). They
-- are now made by TimeOrderedIds.next() and each table is partitioned by its own id, rather than by a timestamp
-- (created_at, recorded_at: the platform clock, scaled in demo mode or set in tests, not the ids' wall clock) or by
-- ticket_id (a follow-up or a campaign's record has none): a lookup by id (an outcome by its offer id, a follow-up
-- closed, a lead converted) then names its partition.
--
-- Keys and references between them change where a partitioned table cannot keep them, or where keeping them would let
-- one table's day refuse another's drop (DailyPartitions detaches a day first, so a row still referencing it refuses
-- the whole round of that table):
-- * recommendation.outcome_id loses its UNIQUE: a unique key must hold the partition key. It is a random id made once
--   per outcome, never looked up; the outcome is recorded once under the recommendation's row lock.
-- * follow_up.recommendation_id loses its foreign key: the follow-up is made by the outcome (minutes later, so on the
--   next day at midnight) and kept by its own id's day, which is later than its recommendation's; the outcome writes
--   both in one transaction, on the locked recommendation.
-- * campaign_record.lead_id loses its UNIQUE and its foreign key to campaign_record: a sale is recorded after its lead
--   (a day later, or more) and would keep the lead's day from going. Each lead converts at most once: recordSale holds
--   the lead's row lock while it looks for an earlier sale of it (CampaignRecordEntity.converted).
-- * campaign_record.follow_up_id loses its foreign key to follow_up, for the same reason: the lead and its follow-up
--   are written in one transaction.
-- The references to campaign (not partitioned: the campaigns' definitions are kept whole) stay.

-- The old tables step aside with their keys' indexes (their names are the new tables' to take).
ALTER TABLE campaign_record RENAME TO campaign_record_before_partitions;
ALTER INDEX campaign_record_pkey RENAME TO campaign_record_before_partitions_pkey;
ALTER INDEX campaign_record_lead_id_key RENAME TO campaign_record_before_partitions_lead_id_key;
DROP INDEX campaign_record_campaign;
ALTER TABLE follow_up RENAME TO follow_up_before_partitions;
ALTER INDEX follow_up_pkey RENAME TO follow_up_before_partitions_pkey;
DROP INDEX follow_up_branch_due;
DROP INDEX follow_up_campaign;
ALTER TABLE recommendation RENAME TO recommendation_before_partitions;
ALTER INDEX recommendation_pkey RENAME TO recommendation_before_partitions_pkey;
ALTER INDEX recommendation_outcome_id_key RENAME TO recommendation_before_partitions_outcome_id_key;
DROP INDEX recommendation_serving_counter;
DROP INDEX recommendation_ticket;
ALTER TABLE wait_breach RENAME TO wait_breach_before_partitions;
ALTER INDEX wait_breach_pkey RENAME TO wait_breach_before_partitions_pkey;
ALTER TABLE hall_ticket RENAME TO hall_ticket_before_partitions;
ALTER INDEX hall_ticket_pkey RENAME TO hall_ticket_before_partitions_pkey;
DROP INDEX hall_ticket_waiting;

CREATE TABLE hall_ticket (
    ticket_id     TEXT COLLATE "C" NOT NULL,
    branch_id     TEXT        NOT NULL,
    ticket_number TEXT,
    business_type TEXT        NOT NULL,
    customer_ref  TEXT,
    issued_at     TIMESTAMPTZ,
    -- from issue to first call, once the ticket was called
    wait_seconds  BIGINT,
    -- set while the customer waits (issued, or transferred back into a queue); null once called or gone
    waiting_since TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id)
) PARTITION BY RANGE (ticket_id);
CREATE TABLE hall_ticket_default PARTITION OF hall_ticket DEFAULT;
CREATE INDEX hall_ticket_waiting ON hall_ticket (branch_id, waiting_since) WHERE waiting_since IS NOT NULL;

CREATE TABLE wait_breach (
    ticket_id      TEXT COLLATE "C" NOT NULL,
    branch_id      TEXT        NOT NULL,
    breach_id      TEXT        NOT NULL,
    limit_seconds  BIGINT      NOT NULL,
    actual_seconds BIGINT      NOT NULL,
    detected_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id)
) PARTITION BY RANGE (ticket_id);
CREATE TABLE wait_breach_default PARTITION OF wait_breach DEFAULT;

CREATE TABLE recommendation (
    id                 UUID        NOT NULL,
    branch_id          TEXT        NOT NULL,
    counter_id         TEXT        NOT NULL,
    ticket_id          TEXT        NOT NULL,
    ticket_number      TEXT        NOT NULL,
    clerk_id           TEXT        NOT NULL,
    business_type      TEXT        NOT NULL,
    customer_ref       TEXT,
    service_started_at TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('SERVING', 'FINISHED', 'SUPERSEDED')),
    waiting            INT         NOT NULL,
    busy_threshold     INT         NOT NULL,
    offer_code         TEXT,
    score              INT,
    pitch_form         TEXT CHECK (pitch_form IN ('SHORT', 'FULL')),
    pitch_seconds      INT,
    no_offer_reason    TEXT,
    recovery_gesture   TEXT,
    waited_seconds     BIGINT,
    limit_seconds      BIGINT,
    outcome_id         UUID,
    outcome            TEXT CHECK (outcome IN ('ACCEPTED', 'DECLINED', 'INTERESTED', 'NOT_PITCHED')),
    outcome_reason     TEXT,
    outcome_at         TIMESTAMPTZ,
    PRIMARY KEY (id),
    CHECK ((offer_code IS NULL) = (pitch_form IS NULL)),
    CHECK ((offer_code IS NULL) <> (no_offer_reason IS NULL)),
    CONSTRAINT recommendation_outcome_needs_offer CHECK (outcome IS NULL OR offer_code IS NOT NULL)
) PARTITION BY RANGE (id);
CREATE TABLE recommendation_default PARTITION OF recommendation DEFAULT;
CREATE INDEX recommendation_serving_counter ON recommendation (branch_id, counter_id, service_started_at DESC)
    WHERE status = 'SERVING';
CREATE INDEX recommendation_ticket ON recommendation (ticket_id);

CREATE TABLE follow_up (
    id                UUID        NOT NULL,
    branch_id         TEXT        NOT NULL,
    offer_code        TEXT        NOT NULL,
    -- the CRM reference the branch calls the customer back through; null for an anonymous customer
    customer_ref      TEXT,
    source            TEXT        NOT NULL CHECK (source IN ('COUNTER', 'CAMPAIGN')),
    recommendation_id UUID,
    ticket_id         TEXT,
    campaign_id       UUID CONSTRAINT follow_up_campaign REFERENCES campaign (id),
    created_at        TIMESTAMPTZ NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    result            TEXT CHECK (result IN ('ACCEPTED', 'DECLINED', 'UNREACHABLE')),
    note              TEXT,
    closed_at         TIMESTAMPTZ,
    PRIMARY KEY (id),
    CHECK ((status = 'CLOSED') = (result IS NOT NULL))
) PARTITION BY RANGE (id);
CREATE TABLE follow_up_default PARTITION OF follow_up DEFAULT;
CREATE INDEX follow_up_branch_due ON follow_up (branch_id, status, due_at);
CREATE INDEX follow_up_campaign ON follow_up (campaign_id) WHERE campaign_id IS NOT NULL;
-- A repeated outcome finds the follow-up it planned (the foreign key's lookups had no index either).
CREATE INDEX follow_up_recommendation ON follow_up (recommendation_id) WHERE recommendation_id IS NOT NULL;

CREATE TABLE campaign_record (
    id           UUID        NOT NULL,
    campaign_id  UUID        NOT NULL REFERENCES campaign (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('LEAD', 'SALE')),
    staff_id     TEXT        NOT NULL,
    offer_code   TEXT        NOT NULL,
    quantity     INT         NOT NULL CHECK (quantity > 0),
    customer_ref TEXT,
    -- a sale that converts an earlier lead; each lead converts at most once (see above)
    lead_id      UUID,
    follow_up_id UUID,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id)
) PARTITION BY RANGE (id);
CREATE TABLE campaign_record_default PARTITION OF campaign_record DEFAULT;
CREATE INDEX campaign_record_campaign ON campaign_record (campaign_id, recorded_at);
CREATE INDEX campaign_record_lead ON campaign_record (lead_id) WHERE lead_id IS NOT NULL;

INSERT INTO hall_ticket (ticket_id, branch_id, ticket_number, business_type, customer_ref, issued_at, wait_seconds,
                         waiting_since, updated_at)
SELECT ticket_id, branch_id, ticket_number, business_type, customer_ref, issued_at, wait_seconds, waiting_since, updated_at
FROM hall_ticket_before_partitions;
INSERT INTO wait_breach (ticket_id, branch_id, breach_id, limit_seconds, actual_seconds, detected_at)
SELECT ticket_id, branch_id, breach_id, limit_seconds, actual_seconds, detected_at FROM wait_breach_before_partitions;
INSERT INTO recommendation (id, branch_id, counter_id, ticket_id, ticket_number, clerk_id, business_type, customer_ref,
                            service_started_at, created_at, status, waiting, busy_threshold, offer_code, score, pitch_form,
                            pitch_seconds, no_offer_reason, recovery_gesture, waited_seconds, limit_seconds, outcome_id,
                            outcome, outcome_reason, outcome_at)
SELECT id, branch_id, counter_id, ticket_id, ticket_number, clerk_id, business_type, customer_ref,
       service_started_at, created_at, status, waiting, busy_threshold, offer_code, score, pitch_form,
       pitch_seconds, no_offer_reason, recovery_gesture, waited_seconds, limit_seconds, outcome_id,
       outcome, outcome_reason, outcome_at
FROM recommendation_before_partitions;
INSERT INTO follow_up (id, branch_id, offer_code, customer_ref, source, recommendation_id, ticket_id, campaign_id,
                       created_at, due_at, status, result, note, closed_at)
SELECT id, branch_id, offer_code, customer_ref, source, recommendation_id, ticket_id, campaign_id,
       created_at, due_at, status, result, note, closed_at
FROM follow_up_before_partitions;
INSERT INTO campaign_record (id, campaign_id, kind, staff_id, offer_code, quantity, customer_ref, lead_id, follow_up_id,
                             recorded_at)
SELECT id, campaign_id, kind, staff_id, offer_code, quantity, customer_ref, lead_id, follow_up_id, recorded_at
FROM campaign_record_before_partitions;

-- Referencing ones first.
DROP TABLE campaign_record_before_partitions;
DROP TABLE follow_up_before_partitions;
DROP TABLE recommendation_before_partitions;
DROP TABLE wait_breach_before_partitions;
DROP TABLE hall_ticket_before_partitions;
