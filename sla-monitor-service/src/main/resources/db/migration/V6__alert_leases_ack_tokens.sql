-- Duty-manager alerting, second round.
-- A notification is claimed for a lease before it is sent, and the send runs outside any
-- transaction: SENDING with claimed_until; a claim that runs out (a crashed sender) is taken again.
ALTER TABLE alert_notification ADD COLUMN claimed_until TIMESTAMPTZ;
ALTER TABLE alert_notification ADD COLUMN claim_id TEXT;
CREATE INDEX alert_notification_claimed ON alert_notification (claimed_until) WHERE status = 'SENDING';

-- One-click acknowledgement links are single-use: a row per link used (its signature).
CREATE TABLE alert_ack_token (
    signature   TEXT        PRIMARY KEY,
    alert_id    TEXT        NOT NULL,
    staff_id    TEXT        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX alert_ack_token_used ON alert_ack_token (used_at);

-- Retention: purged by created_at.
CREATE INDEX alert_created ON alert (created_at);
CREATE INDEX alert_delivery_log_notification ON alert_delivery_log (notification_id);
