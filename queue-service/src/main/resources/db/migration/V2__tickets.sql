-- Tickets and what the queue needs to number, order and estimate them.

CREATE TABLE ticket (
    id                     UUID PRIMARY KEY,
    branch_id              TEXT        NOT NULL REFERENCES branch (id),
    business_type          TEXT        NOT NULL REFERENCES business_type (code),
    tier                   TEXT        NOT NULL CHECK (tier IN ('NORMAL', 'VIP')),
    number                 TEXT        NOT NULL,
    -- The branch-local day the number belongs to: numbers restart each day, never within one.
    service_day            DATE        NOT NULL,
    status                 TEXT        NOT NULL CHECK (status IN ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'CANCELLED')),
    -- The original issue: a transfer keeps it, so the customer's whole wait is measured.
    issued_at              TIMESTAMPTZ NOT NULL,
    called_at              TIMESTAMPTZ,
    counter_id             TEXT,
    clerk_id               TEXT,
    recall_count           INTEGER     NOT NULL DEFAULT 0,
    started_at             TIMESTAMPTZ,
    finished_at            TIMESTAMPTZ,
    ended_at               TIMESTAMPTZ,
    previous_business_type TEXT,
    customer_ref           TEXT,
    estimated_wait_minutes INTEGER     NOT NULL,
    idempotency_key        TEXT,
    version                INTEGER     NOT NULL DEFAULT 0,
    UNIQUE (branch_id, service_day, number),
    UNIQUE (branch_id, idempotency_key)
);

CREATE INDEX ticket_waiting ON ticket (branch_id, issued_at) WHERE status = 'WAITING';
CREATE INDEX ticket_branch_day ON ticket (branch_id, service_day);

-- The last number handed out per branch, day and prefix; incremented under a row lock, so
-- concurrent kiosks never get the same number.
CREATE TABLE ticket_sequence (
    branch_id   TEXT    NOT NULL,
    service_day DATE    NOT NULL,
    prefix      CHAR(1) NOT NULL,
    last_value  INTEGER NOT NULL,
    PRIMARY KEY (branch_id, service_day, prefix)
);

-- Rolling mean handling time per branch and type, learned from service-finished events.
CREATE TABLE handling_time (
    branch_id     TEXT             NOT NULL,
    business_type TEXT             NOT NULL,
    mean_seconds  DOUBLE PRECISION NOT NULL,
    samples       BIGINT           NOT NULL,
    PRIMARY KEY (branch_id, business_type)
);

-- Counters seen calling recently, with the types they serve: the queue's view of which
-- counters are open, for the estimate.
CREATE TABLE counter_presence (
    branch_id      TEXT        NOT NULL,
    counter_id     TEXT        NOT NULL,
    business_types TEXT[]      NOT NULL,
    vip            BOOLEAN     NOT NULL,
    last_seen_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (branch_id, counter_id)
);
