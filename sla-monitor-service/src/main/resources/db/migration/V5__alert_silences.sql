-- Branch-wide "we know, we are on it": no page for the branch's breaches in [starts_at, ends_at).
CREATE TABLE alert_silence (
    silence_id  TEXT        PRIMARY KEY,
    branch_id   TEXT        NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL,
    reason      TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX alert_silence_branch ON alert_silence (branch_id, ends_at);
