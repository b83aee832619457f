-- A counter's live state, the clerks' sessions and pauses, and a record of every service.

ALTER TABLE counter
    ADD COLUMN status               TEXT NOT NULL DEFAULT 'CLOSED' CHECK (status IN ('CLOSED', 'OPEN', 'PAUSED', 'SERVING')),
    ADD COLUMN clerk_id             TEXT,
    ADD COLUMN signed_in_at         TIMESTAMPTZ,
    ADD COLUMN ticket_id            UUID,
    ADD COLUMN ticket_number        TEXT,
    ADD COLUMN ticket_business_type TEXT,
    ADD COLUMN ticket_tier          TEXT,
    ADD COLUMN ticket_issued_at     TIMESTAMPTZ,
    ADD COLUMN called_at            TIMESTAMPTZ,
    ADD COLUMN started_at           TIMESTAMPTZ,
    ADD COLUMN pause_id             UUID,
    ADD COLUMN version              INTEGER NOT NULL DEFAULT 0;

-- One clerk at one counter at a time.
CREATE UNIQUE INDEX counter_one_counter_per_clerk ON counter (clerk_id) WHERE clerk_id IS NOT NULL;

-- The standard's handling limits, the counter's own copy for the over-limit prompt and the report.
CREATE TABLE handling_limit (
    business_type TEXT PRIMARY KEY,
    limit_seconds INTEGER NOT NULL CHECK (limit_seconds > 0)
);
INSERT INTO handling_limit (business_type, limit_seconds) VALUES
    ('PAYMENT', 120), ('GENERAL', 300), ('NEW_LINE', 480), ('BROADBAND', 600),
    ('SIM', 300), ('CLOSE_ACCOUNT', 600), ('COMPLAINT', 900), ('CONSULT', 300);

CREATE TABLE clerk_session (
    id            UUID PRIMARY KEY,
    branch_id     TEXT        NOT NULL,
    counter_id    TEXT        NOT NULL,
    clerk_id      TEXT        NOT NULL,
    signed_in_at  TIMESTAMPTZ NOT NULL,
    signed_out_at TIMESTAMPTZ
);

CREATE TABLE counter_pause (
    id               UUID PRIMARY KEY,
    branch_id        TEXT        NOT NULL,
    counter_id       TEXT        NOT NULL,
    clerk_id         TEXT        NOT NULL,
    reason           TEXT        NOT NULL CHECK (reason IN ('BREAK', 'TRAINING', 'SUPERVISOR', 'OTHER')),
    service_day      DATE        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ,
    duration_seconds BIGINT
);
CREATE INDEX counter_pause_clerk_day ON counter_pause (clerk_id, service_day);

CREATE TABLE service_record (
    ticket_id        UUID PRIMARY KEY,
    branch_id        TEXT        NOT NULL,
    counter_id       TEXT        NOT NULL,
    clerk_id         TEXT        NOT NULL,
    ticket_number    TEXT        NOT NULL,
    business_type    TEXT        NOT NULL,
    tier             TEXT        NOT NULL,
    service_day      DATE        NOT NULL,
    called_at        TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    handling_seconds BIGINT,
    limit_seconds    INTEGER     NOT NULL,
    outcome          TEXT CHECK (outcome IN ('COMPLETED', 'REFERRED', 'UNRESOLVED')),
    business_types_handled TEXT[],
    note             TEXT
);
CREATE INDEX service_record_clerk_day ON service_record (clerk_id, service_day);

CREATE TABLE no_show_record (
    ticket_id   UUID PRIMARY KEY,
    branch_id   TEXT        NOT NULL,
    counter_id  TEXT        NOT NULL,
    clerk_id    TEXT        NOT NULL,
    service_day DATE        NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX no_show_clerk_day ON no_show_record (clerk_id, service_day);
