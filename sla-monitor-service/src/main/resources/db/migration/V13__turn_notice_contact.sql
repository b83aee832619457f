-- "Your turn is near" (issue 25, item 7): the customer's mobile number, given at the kiosk, held by this service alone
-- (the queue keeps only the consent; no event, log line or metric carries it) for as long as the one SMS needs it.
-- A row starts from whichever comes first: the kiosk's number (phone, requested_at) or the queue's
-- hallwatch.ticket.turn-near.v1 (due_at, ticket_number, people_ahead). Due once it has both; the sender sends it,
-- and in that transaction sets sent_at and erases the phone; a permanent failure sets failed_at and erases it too.
-- A ticket called, cancelled, closed or marked no-show first loses its unsent row. Rows go after the retention.
CREATE TABLE turn_notice_contact (
    ticket_id     TEXT PRIMARY KEY,
    branch_id     TEXT        NOT NULL,
    phone         TEXT,
    requested_at  TIMESTAMPTZ,
    ticket_number TEXT,
    people_ahead  INTEGER,
    -- When the queue said the turn is near; after a failed attempt, when the next one is due.
    due_at        TIMESTAMPTZ,
    sent_at       TIMESTAMPTZ,
    failed_at     TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    last_error    TEXT,
    CHECK (sent_at IS NULL OR phone IS NULL),
    CHECK (failed_at IS NULL OR phone IS NULL)
);

-- The sender's claim: only the rows it can send now.
CREATE INDEX turn_notice_contact_due ON turn_notice_contact (due_at)
    WHERE sent_at IS NULL AND failed_at IS NULL AND phone IS NOT NULL AND due_at IS NOT NULL;
-- The retention's sweep.
CREATE INDEX turn_notice_contact_age ON turn_notice_contact ((coalesce(requested_at, due_at)));
