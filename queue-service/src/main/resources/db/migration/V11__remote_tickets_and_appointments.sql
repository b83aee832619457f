-- Customers before they arrive (issue 25): remote tickets and appointments.

-- A remote ticket (mini-program, online hall) is numbered when taken, REMOTE until the customer checks in at the
-- kiosk by check_in_by (with its number or check_in_code), and only then joins the queue: issued_at becomes the
-- check-in (checked_in_at), taken_at keeps when it was taken. Nobody checking in: CANCELLED (REMOTE_EXPIRED) by the
-- expiry job; such a ticket (origin REMOTE, never checked in) was never in the queue and the reports leave it out.
ALTER TABLE ticket DROP CONSTRAINT ticket_status_check;
ALTER TABLE ticket ADD CONSTRAINT ticket_status_check
    CHECK (status IN ('REMOTE', 'WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'CANCELLED', 'CLOSED'));
ALTER TABLE ticket
    -- How the ticket came into the queue other than at the kiosk (NULL: the kiosk, or a walk-in).
    ADD COLUMN origin         TEXT CHECK (origin IN ('REMOTE', 'APPOINTMENT', 'LATE_APPOINTMENT')),
    ADD COLUMN taken_at       TIMESTAMPTZ,
    ADD COLUMN checked_in_at  TIMESTAMPTZ,
    ADD COLUMN check_in_by    TIMESTAMPTZ,
    ADD COLUMN check_in_code  TEXT,
    ADD COLUMN appointment_id UUID,
    -- An appointment checked in within its window: from its slot's start it is called ahead of walk-up tickets.
    ADD COLUMN priority_from  TIMESTAMPTZ;

-- The kiosk's check-in looks a code up among the branch's remote tickets; the expiry job finds those past their window.
CREATE UNIQUE INDEX ticket_remote_code ON ticket (branch_id, check_in_code) WHERE status = 'REMOTE';
CREATE INDEX ticket_remote_number ON ticket (branch_id, number) WHERE status = 'REMOTE';
CREATE INDEX ticket_remote_expiry ON ticket (check_in_by) WHERE status = 'REMOTE';
-- A repeated check-in (a kiosk retrying) finds the ticket its code made.
CREATE INDEX ticket_check_in_code ON ticket (branch_id, check_in_code) WHERE check_in_code IS NOT NULL;

-- Which business types of a branch take appointments: the opening hours cut into slots of slot_minutes, each
-- with room for capacity customers.
CREATE TABLE appointment_plan (
    branch_id     TEXT    NOT NULL REFERENCES branch (id),
    business_type TEXT    NOT NULL REFERENCES business_type (code),
    slot_minutes  INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    capacity      INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 100),
    PRIMARY KEY (branch_id, business_type)
);

-- A booked slot. No personal data beyond the opaque customer_ref. A place counts against the slot's capacity while
-- BOOKED or CHECKED_IN; CANCELLED (by the customer) and NO_SHOW (nobody by 15 minutes past the start) free it.
CREATE TABLE appointment (
    id              UUID PRIMARY KEY,
    branch_id       TEXT        NOT NULL REFERENCES branch (id),
    business_type   TEXT        NOT NULL REFERENCES business_type (code),
    slot_start      TIMESTAMPTZ NOT NULL,
    slot_end        TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('BOOKED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW')),
    check_in_code   TEXT        NOT NULL,
    customer_ref    TEXT,
    booked_at       TIMESTAMPTZ NOT NULL,
    ended_at        TIMESTAMPTZ,
    ticket_id       UUID REFERENCES ticket (id),
    idempotency_key TEXT,
    version         INTEGER     NOT NULL DEFAULT 0,
    UNIQUE (branch_id, idempotency_key)
);
CREATE UNIQUE INDEX appointment_open_code ON appointment (branch_id, check_in_code) WHERE status = 'BOOKED';
CREATE INDEX appointment_code ON appointment (branch_id, check_in_code);
CREATE INDEX appointment_slot ON appointment (branch_id, business_type, slot_start);
CREATE INDEX appointment_no_show ON appointment (slot_start) WHERE status = 'BOOKED';
