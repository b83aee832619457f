-- Duty-manager alerting: each branch's duty roster, the whole document per branch. Addresses in
-- it (phone numbers) are for delivery only; the API masks them.
CREATE TABLE alert_duty_roster (
    branch_id   TEXT        PRIMARY KEY,
    document    JSONB       NOT NULL,
    revision    INTEGER     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
