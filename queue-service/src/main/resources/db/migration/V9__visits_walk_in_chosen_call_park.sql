-- Visits as counters run them (issue 25): walk-ins, a chosen call out of the call order, park and return.

-- A walk-in is created CALLED at the counter that serves it; it never waits.
ALTER TABLE ticket
    ADD COLUMN walk_in         BOOLEAN     NOT NULL DEFAULT false,
    -- Where the wait clock starts (NULL: issued_at). A park keeps the wait so far and resumes the clock at the
    -- return: wait_clock_from = the return minus the wait kept, so the time called or at the counter never counts.
    ADD COLUMN wait_clock_from TIMESTAMPTZ,
    -- The place in first-come-first-served order (NULL: issued_at): a park by ORIGINAL issue keeps issued_at, to
    -- the BACK or FRONT takes the moment of the return (FRONT also sets queue_front, ahead of everyone).
    ADD COLUMN queued_at       TIMESTAMPTZ,
    ADD COLUMN queue_front     BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN park_count      INTEGER     NOT NULL DEFAULT 0,
    -- The last call: the clerk's reason where the ticket was chosen, and whether that jumped the call order.
    ADD COLUMN call_reason     TEXT CHECK (call_reason IN ('ELDERLY', 'DISABLED', 'PREGNANT', 'SUPERVISOR', 'RETURNING', 'OTHER')),
    ADD COLUMN out_of_order    BOOLEAN     NOT NULL DEFAULT false;

-- Every call out of the call order, for the branch's day report (per clerk): written with the call and its event.
CREATE TABLE out_of_order_call (
    ticket_id   UUID        NOT NULL REFERENCES ticket (id),
    called_at   TIMESTAMPTZ NOT NULL,
    branch_id   TEXT        NOT NULL,
    service_day DATE        NOT NULL,
    counter_id  TEXT        NOT NULL,
    clerk_id    TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    PRIMARY KEY (ticket_id, called_at)
);
CREATE INDEX out_of_order_call_branch_day ON out_of_order_call (branch_id, service_day);
