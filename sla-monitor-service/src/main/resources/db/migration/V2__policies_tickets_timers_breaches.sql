-- SLA policies: append-only versions. A version applies to tickets issued at or after its
-- effective_from; each row also says who changed what and why (the audit trail).
CREATE TABLE sla_policy_version (
    version        INTEGER PRIMARY KEY,
    effective_from TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    changed_by     TEXT        NOT NULL,
    reason         TEXT,
    document       JSONB       NOT NULL,
    changes        JSONB       NOT NULL DEFAULT '[]'
);

-- Version 1: the service standard (V1's default limits), in force since forever.
INSERT INTO sla_policy_version (version, effective_from, changed_by, reason, document)
SELECT 1, TIMESTAMPTZ '1970-01-01 00:00:00+00', 'system', 'the service standard (domain.md)',
       jsonb_build_object(
           'defaults', jsonb_build_object('waitLimitSeconds', 900, 'handlingLimitSeconds', 600, 'warningFraction', 0.8),
           'branchAverage', jsonb_build_object('windowSeconds', 3600, 'limitSeconds', 900),
           'businessTypes', (SELECT jsonb_agg(jsonb_build_object(
                                     'businessType', business_type,
                                     'waitLimitSeconds', CASE WHEN wait_limit_seconds = 900 THEN NULL ELSE wait_limit_seconds END,
                                     'handlingLimitSeconds', handling_limit_seconds) ORDER BY business_type)
                             FROM sla_default_limit),
           'overrides', '[]'::jsonb);

-- What the monitor knows of each ticket, folded from its events (detection.TicketFacts), with
-- the limits it is judged by, resolved from the policy version it was issued under.
CREATE TABLE sla_ticket (
    ticket_id                 TEXT PRIMARY KEY,
    branch_id                 TEXT        NOT NULL,
    customer_tier             TEXT,
    ticket_number             TEXT,
    ticket_number_at          TIMESTAMPTZ,
    issued_business_type      TEXT,
    type_hint                 TEXT,
    type_hint_at              TIMESTAMPTZ,
    issued_at                 TIMESTAMPTZ,
    called_at                 TIMESTAMPTZ,
    call_counter_id           TEXT,
    call_clerk_id             TEXT,
    cancelled_at              TIMESTAMPTZ,
    service_business_type     TEXT,
    service_started_at        TIMESTAMPTZ,
    service_finished_at       TIMESTAMPTZ,
    service_counter_id        TEXT,
    service_clerk_id          TEXT,
    policy_version            INTEGER     NOT NULL,
    wait_limit_seconds        BIGINT      NOT NULL,
    wait_warning_fraction     DOUBLE PRECISION NOT NULL,
    handling_limit_seconds    BIGINT      NOT NULL,
    handling_warning_fraction DOUBLE PRECISION NOT NULL,
    -- The business type the ticket is counted under (as issued, else the best guess).
    business_type             TEXT GENERATED ALWAYS AS (COALESCE(issued_business_type, type_hint)) STORED,
    -- When the wait ended as far as anything shows (LEAST ignores NULLs).
    wait_ended_at             TIMESTAMPTZ GENERATED ALWAYS AS (LEAST(called_at, cancelled_at, service_started_at)) STORED,
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sla_ticket_branch_issued ON sla_ticket (branch_id, issued_at);
CREATE INDEX sla_ticket_branch_wait_ended ON sla_ticket (branch_id, wait_ended_at);
CREATE INDEX sla_ticket_waiting ON sla_ticket (branch_id, issued_at) WHERE wait_ended_at IS NULL;

-- Durable timers: one per (ticket, kind) still able to fire. A scan claims due ones with
-- FOR UPDATE SKIP LOCKED, so several monitor instances share them without firing one twice.
-- The fence is the lag rule's snapshot of the branch's partitions (detection.PartitionFence).
CREATE TABLE sla_timer (
    ticket_id      TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    branch_id      TEXT        NOT NULL,
    due_at         TIMESTAMPTZ NOT NULL,
    fence_tickets  BIGINT,
    fence_services BIGINT,
    fenced_at      TIMESTAMPTZ,
    PRIMARY KEY (ticket_id, kind)
);
CREATE INDEX sla_timer_due ON sla_timer (due_at);

-- Warnings and breaches. The unique key makes a second finding of one kind for one ticket
-- impossible however often events are replayed or timers race. Branch-level breaches have no
-- ticket; at most one of them is open per branch.
CREATE TABLE sla_breach (
    breach_id       UUID PRIMARY KEY,
    kind            TEXT        NOT NULL,
    rule            TEXT        NOT NULL,
    level           TEXT        NOT NULL CHECK (level IN ('WARNING', 'BREACH')),
    branch_id       TEXT        NOT NULL,
    ticket_id       TEXT,
    ticket_number   TEXT,
    business_type   TEXT,
    customer_tier   TEXT,
    counter_id      TEXT,
    clerk_id        TEXT,
    limit_seconds   BIGINT      NOT NULL,
    actual_seconds  BIGINT      NOT NULL,
    started_at      TIMESTAMPTZ,
    deadline        TIMESTAMPTZ,
    detected_at     TIMESTAMPTZ NOT NULL,
    detected_late   BOOLEAN     NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    resolved_at     TIMESTAMPTZ,
    resolved_actual_seconds BIGINT,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT sla_breach_once_per_ticket UNIQUE (ticket_id, kind)
);
CREATE UNIQUE INDEX sla_breach_one_open_per_branch ON sla_breach (branch_id, kind)
    WHERE ticket_id IS NULL AND status = 'OPEN';
CREATE INDEX sla_breach_branch_detected ON sla_breach (branch_id, detected_at);
CREATE INDEX sla_breach_detected ON sla_breach (detected_at);
