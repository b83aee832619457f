-- The duty manager is told once per branch and hour that the next hour is forecast understaffed (issue 24): the
-- row is written in the transaction that puts hallwatch.staffing.shortfall-forecast.v1 in the outbox, so two
-- replicas' refreshes, or one refresh repeated, tell it once.
CREATE TABLE staffing_shortfall_told (
    branch_id      TEXT        NOT NULL,
    hour_starts_at TIMESTAMPTZ NOT NULL,
    told_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (branch_id, hour_starts_at)
);
