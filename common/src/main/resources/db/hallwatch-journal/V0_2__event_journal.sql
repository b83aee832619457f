-- Kept by the consuming services (sla-monitor, marketing): every event they applied, as it was
-- received, in event time. It lets a consumer rebuild its view by replay and shows what it saw.
CREATE TABLE event_journal (
    event_id     UUID PRIMARY KEY,
    event_type   TEXT        NOT NULL,
    branch_id    TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    event_time   TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    payload      JSONB       NOT NULL
);
CREATE INDEX event_journal_subject ON event_journal (subject, event_time);
CREATE INDEX event_journal_branch_time ON event_journal (branch_id, event_time);
