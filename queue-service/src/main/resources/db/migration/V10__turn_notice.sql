-- "Your turn is near" (issue 25, item 7). The customer's consent, given at the kiosk, to be told by SMS when their
-- ticket has the branch's turn_notice_ahead people ahead or fewer. No phone number here: the SLA monitor, which sends
-- the SMS, is the only service that holds it. told_at is set in the transaction that puts
-- hallwatch.ticket.turn-near.v1 in the outbox, so a ticket is told once, whichever replica's watch sees it first.
-- A consent whose ticket ended untold (called, cancelled, closed) is deleted by the watch.
CREATE TABLE turn_notice (
    ticket_id         UUID        PRIMARY KEY REFERENCES ticket (id),
    branch_id         TEXT        NOT NULL,
    requested_at      TIMESTAMPTZ NOT NULL,
    told_at           TIMESTAMPTZ,
    people_ahead_told INTEGER
);

-- The watch reads the consents not told yet: few at any time, whatever the table holds.
CREATE INDEX turn_notice_untold ON turn_notice (requested_at) WHERE told_at IS NULL;

-- How many people ahead a consenting customer is told at (1-20); 3 unless the branch says otherwise.
ALTER TABLE branch ADD COLUMN turn_notice_ahead INTEGER NOT NULL DEFAULT 3
    CHECK (turn_notice_ahead BETWEEN 1 AND 20);
