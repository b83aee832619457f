-- Data that expires (issue 26, item 3), the alerting tables: one partition per UTC day of the alert's id, dropped whole
-- after hallwatch.alerting.retention (90 days; hallwatch.retention.keep.<table> for one table) by common's
-- DailyPartitions, instead of AlertRetention's row deletes.
--
-- The key: an alert's id is now time-ordered (TimeOrderedIds.derived: the millisecond of the event that opened it, the
-- rest from the item's id), so the one id the API, the messages and the acknowledgement links carry finds its day. It
-- is still the same on every instance and every delivery of the event, as "alert-<breach id>" was: two replicas
-- opening an alert from one record (its partition moving between them mid-poll) collide on the key, and the loser's
-- retry finds the breach recorded. Every row of an alert (its breaches, notifications, delivery attempts and used
-- links) carries the alert's id and lives in the alert's day, so an alert and all it led to go together.
--
-- Unique keys on a partitioned table must contain the partition key:
--  * alert_breach (breach_id, alert_id): "a breach once" is checked by breach id over the live days
--    (AlertStore.breachSeen) in the branch's serialised consumer; the key still refuses the same breach twice in one
--    alert, the race it guarded against (two transactions joining one open group);
--  * alert_notification (notification_id, alert_id): the notification's id begins with its alert's id;
--  * alert_ack_token (signature, alert_id): the signature is an HMAC over the alert's id.
-- The foreign keys into alert go: a partition's rows are checked per partition, so a row written while its day's
-- partition did not exist yet could never move into it; every row of an alert is written in the alert's own
-- transaction or after it, by the alert's id.
--
-- The rows already here keep their ids ("alert-<breach id>", sent in messages and links that may still be used): they
-- belong to no day, so they stay in the default partitions, and are not dropped by the job (delete them by hand once
-- past the retention: DELETE FROM alert_default WHERE created_at < ..., and the other tables' rows of those alerts).

ALTER TABLE alert_breach DROP CONSTRAINT alert_breach_alert_id_fkey;
ALTER TABLE alert_notification DROP CONSTRAINT alert_notification_alert_id_fkey;

ALTER TABLE alert RENAME TO alert_before_partitions;
ALTER INDEX alert_pkey RENAME TO alert_before_partitions_pkey;
DROP INDEX alert_branch;
DROP INDEX alert_open;
DROP INDEX alert_created;
ALTER TABLE alert_breach RENAME TO alert_breach_before_partitions;
ALTER INDEX alert_breach_pkey RENAME TO alert_breach_before_partitions_pkey;
DROP INDEX alert_breach_pending;
DROP INDEX alert_breach_alert;
ALTER TABLE alert_notification RENAME TO alert_notification_before_partitions;
ALTER INDEX alert_notification_pkey RENAME TO alert_notification_before_partitions_pkey;
DROP INDEX alert_notification_due;
DROP INDEX alert_notification_claimed;
ALTER TABLE alert_delivery_log RENAME TO alert_delivery_log_before_partitions;
ALTER INDEX alert_delivery_log_pkey RENAME TO alert_delivery_log_before_partitions_pkey;
ALTER SEQUENCE alert_delivery_log_id_seq RENAME TO alert_delivery_log_before_partitions_id_seq;
DROP INDEX alert_delivery_log_notification;
ALTER TABLE alert_ack_token RENAME TO alert_ack_token_before_partitions;
ALTER INDEX alert_ack_token_pkey RENAME TO alert_ack_token_before_partitions_pkey;
DROP INDEX alert_ack_token_used;

CREATE TABLE alert (
    alert_id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    branch_id           TEXT        NOT NULL,
    status              TEXT        NOT NULL,          -- OPEN, ACKNOWLEDGED, QUIET, UNROUTED
    level               INTEGER     NOT NULL,
    level_at            TIMESTAMPTZ NOT NULL,
    group_until         TIMESTAMPTZ NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    breach_detected_at  TIMESTAMPTZ NOT NULL,
    follow_ups          INTEGER     NOT NULL DEFAULT 0,
    acked_at            TIMESTAMPTZ,
    acked_by            TEXT,
    first_delivered_at  TIMESTAMPTZ,
    opened_by           TEXT                           -- the item (breach id, understaffed hour) that opened it
) PARTITION BY RANGE (alert_id);
CREATE INDEX alert_branch ON alert (branch_id, created_at DESC);
CREATE INDEX alert_open ON alert (status, level_at) WHERE status = 'OPEN';
CREATE TABLE alert_default PARTITION OF alert DEFAULT;

CREATE TABLE alert_breach (
    breach_id       TEXT        NOT NULL,
    alert_id        TEXT COLLATE "C" NOT NULL,
    rule            TEXT        NOT NULL,
    ticket_number   TEXT,
    actual_seconds  BIGINT      NOT NULL,
    detected_at     TIMESTAMPTZ NOT NULL,
    notified        BOOLEAN     NOT NULL,
    PRIMARY KEY (breach_id, alert_id)
) PARTITION BY RANGE (alert_id);
CREATE INDEX alert_breach_alert ON alert_breach (alert_id);
CREATE INDEX alert_breach_pending ON alert_breach (alert_id) WHERE NOT notified;
CREATE TABLE alert_breach_default PARTITION OF alert_breach DEFAULT;

CREATE TABLE alert_notification (
    notification_id  TEXT        NOT NULL,        -- alert, purpose and person: never two of them
    alert_id         TEXT COLLATE "C" NOT NULL,
    staff_id         TEXT        NOT NULL,
    level            INTEGER     NOT NULL,
    purpose          TEXT        NOT NULL,        -- PAGE, FOLLOW_UP-<n>, ESCALATION-<level>
    status           TEXT        NOT NULL,        -- PENDING, SENDING, SENT, FAILED
    channel_index    INTEGER     NOT NULL DEFAULT 0,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    message          JSONB       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    sent_channel     TEXT,
    claimed_until    TIMESTAMPTZ,
    claim_id         TEXT,
    PRIMARY KEY (notification_id, alert_id)
) PARTITION BY RANGE (alert_id);
CREATE INDEX alert_notification_alert ON alert_notification (alert_id);
CREATE INDEX alert_notification_due ON alert_notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX alert_notification_claimed ON alert_notification (claimed_until) WHERE status = 'SENDING';
CREATE TABLE alert_notification_default PARTITION OF alert_notification DEFAULT;

CREATE TABLE alert_delivery_log (
    id               BIGSERIAL   NOT NULL,
    alert_id         TEXT COLLATE "C" NOT NULL,
    notification_id  TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    attempt          INTEGER     NOT NULL,
    outcome          TEXT        NOT NULL,        -- SENT, RETRY, NEXT_CHANNEL, FAILED
    reason           TEXT,
    at               TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id, alert_id)
) PARTITION BY RANGE (alert_id);
CREATE INDEX alert_delivery_log_notification ON alert_delivery_log (notification_id);
CREATE TABLE alert_delivery_log_default PARTITION OF alert_delivery_log DEFAULT;

CREATE TABLE alert_ack_token (
    signature   TEXT        NOT NULL,
    alert_id    TEXT COLLATE "C" NOT NULL,
    staff_id    TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (signature, alert_id)
) PARTITION BY RANGE (alert_id);
CREATE TABLE alert_ack_token_default PARTITION OF alert_ack_token DEFAULT;

-- Today and the three days ahead, as the job makes them, so that the first new alerts land in their day.
CREATE FUNCTION hallwatch_v17_days() RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    t TEXT;
    d DATE;
BEGIN
    FOREACH t IN ARRAY ARRAY['alert', 'alert_breach', 'alert_notification', 'alert_delivery_log', 'alert_ack_token'] LOOP
        FOR d IN SELECT (now() AT TIME ZONE 'UTC')::date + ahead FROM generate_series(0, 3) AS ahead LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', t || '_p' || to_char(d, 'YYYYMMDD'), t,
                hallwatch_v17_id(d), hallwatch_v17_id(d + 1));
        END LOOP;
    END LOOP;
END $$;
CREATE FUNCTION hallwatch_v17_id(d DATE) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-0000-0000-000000000000'
    FROM (SELECT lpad(to_hex((extract(EPOCH FROM d::timestamp AT TIME ZONE 'UTC') * 1000)::bigint), 12, '0') AS h) hex $$;
SELECT hallwatch_v17_days();
DROP FUNCTION hallwatch_v17_days();
DROP FUNCTION hallwatch_v17_id(DATE);

INSERT INTO alert (alert_id, branch_id, status, level, level_at, group_until, created_at, breach_detected_at, follow_ups,
    acked_at, acked_by, first_delivered_at, opened_by)
SELECT alert_id, branch_id, status, level, level_at, group_until, created_at, breach_detected_at, follow_ups,
    acked_at, acked_by, first_delivered_at, CASE WHEN alert_id LIKE 'alert-%' THEN substr(alert_id, 7) END
FROM alert_before_partitions;
INSERT INTO alert_breach SELECT breach_id, alert_id, rule, ticket_number, actual_seconds, detected_at, notified
FROM alert_breach_before_partitions;
INSERT INTO alert_notification (notification_id, alert_id, staff_id, level, purpose, status, channel_index, attempts,
    next_attempt_at, message, created_at, sent_at, sent_channel, claimed_until, claim_id)
SELECT notification_id, alert_id, staff_id, level, purpose, status, channel_index, attempts,
    next_attempt_at, message, created_at, sent_at, sent_channel, claimed_until, claim_id
FROM alert_notification_before_partitions;
-- A delivery attempt's alert is its notification's.
INSERT INTO alert_delivery_log (id, alert_id, notification_id, channel, attempt, outcome, reason, at)
SELECT l.id, n.alert_id, l.notification_id, l.channel, l.attempt, l.outcome, l.reason, l.at
FROM alert_delivery_log_before_partitions l JOIN alert_notification_before_partitions n USING (notification_id);
SELECT setval('alert_delivery_log_id_seq', GREATEST((SELECT max(id) FROM alert_delivery_log_before_partitions), 1));
INSERT INTO alert_ack_token (signature, alert_id, staff_id, expires_at, used_at)
SELECT signature, alert_id, staff_id, expires_at, used_at FROM alert_ack_token_before_partitions;

DROP TABLE alert_delivery_log_before_partitions;
DROP TABLE alert_ack_token_before_partitions;
DROP TABLE alert_notification_before_partitions;
DROP TABLE alert_breach_before_partitions;
DROP TABLE alert_before_partitions;
