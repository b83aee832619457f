-- The live hall, as marketing sees it from the ticket events: which tickets wait right now (the
-- load a pitch is sized to) and the customer reference a kiosk put on each ticket.
CREATE TABLE hall_ticket (
    ticket_id     TEXT PRIMARY KEY,
    branch_id     TEXT        NOT NULL,
    ticket_number TEXT,
    business_type TEXT        NOT NULL,
    customer_ref  TEXT,
    issued_at     TIMESTAMPTZ,
    -- from issue to first call, once the ticket was called
    wait_seconds  BIGINT,
    -- set while the customer waits (issued, or transferred back into a queue); null once called or gone
    waiting_since TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX hall_ticket_waiting ON hall_ticket (branch_id, waiting_since) WHERE waiting_since IS NOT NULL;

-- Customers the SLA monitor reported as having waited too long (rule WAIT): they get the apology
-- and the branch's recovery gesture before any pitch.
CREATE TABLE wait_breach (
    ticket_id      TEXT PRIMARY KEY,
    branch_id      TEXT        NOT NULL,
    breach_id      TEXT        NOT NULL,
    limit_seconds  BIGINT      NOT NULL,
    actual_seconds BIGINT      NOT NULL,
    detected_at    TIMESTAMPTZ NOT NULL
);

-- What each counter was told for the customer it serves. SERVING while the service runs; FINISHED
-- when it ends; SUPERSEDED when a late fact (the customer reference, a wait breach) gave new advice.
CREATE TABLE recommendation (
    id                 UUID PRIMARY KEY,
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
    CHECK ((offer_code IS NULL) = (pitch_form IS NULL)),
    CHECK ((offer_code IS NULL) <> (no_offer_reason IS NULL))
);
CREATE INDEX recommendation_serving_counter ON recommendation (branch_id, counter_id, service_started_at DESC)
    WHERE status = 'SERVING';
CREATE INDEX recommendation_ticket ON recommendation (ticket_id);
