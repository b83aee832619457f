-- Duty-manager alerting: alerts (one per incident and branch), the breaches each groups, one
-- notification per (alert, purpose, person) written before anything is sent, and every attempt.
CREATE TABLE alert (
    alert_id            TEXT        PRIMARY KEY,
    branch_id           TEXT        NOT NULL,
    status              TEXT        NOT NULL,          -- OPEN, ACKNOWLEDGED, QUIET
    level               INTEGER     NOT NULL,
    level_at            TIMESTAMPTZ NOT NULL,
    group_until         TIMESTAMPTZ NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    breach_detected_at  TIMESTAMPTZ NOT NULL,
    follow_ups          INTEGER     NOT NULL DEFAULT 0,
    acked_at            TIMESTAMPTZ,
    acked_by            TEXT,
    first_delivered_at  TIMESTAMPTZ
);
CREATE INDEX alert_branch ON alert (branch_id, created_at DESC);
CREATE INDEX alert_open ON alert (status, level_at) WHERE status = 'OPEN';

CREATE TABLE alert_breach (
    breach_id       TEXT        PRIMARY KEY,
    alert_id        TEXT        NOT NULL REFERENCES alert (alert_id),
    rule            TEXT        NOT NULL,
    ticket_number   TEXT,
    actual_seconds  BIGINT      NOT NULL,
    detected_at     TIMESTAMPTZ NOT NULL,
    notified        BOOLEAN     NOT NULL
);
CREATE INDEX alert_breach_pending ON alert_breach (alert_id) WHERE NOT notified;

CREATE TABLE alert_notification (
    notification_id  TEXT        PRIMARY KEY,     -- alert, purpose and person: never two of them
    alert_id         TEXT        NOT NULL REFERENCES alert (alert_id),
    staff_id         TEXT        NOT NULL,
    level            INTEGER     NOT NULL,
    purpose          TEXT        NOT NULL,        -- PAGE, FOLLOW_UP-<n>, ESCALATION
    status           TEXT        NOT NULL,        -- PENDING, SENT, FAILED
    channel_index    INTEGER     NOT NULL DEFAULT 0,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    message          JSONB       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    sent_channel     TEXT
);
CREATE INDEX alert_notification_due ON alert_notification (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE alert_delivery_log (
    id               BIGSERIAL   PRIMARY KEY,
    notification_id  TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    attempt          INTEGER     NOT NULL,
    outcome          TEXT        NOT NULL,        -- SENT, RETRY, NEXT_CHANNEL, FAILED
    reason           TEXT,
    at               TIMESTAMPTZ NOT NULL
);
