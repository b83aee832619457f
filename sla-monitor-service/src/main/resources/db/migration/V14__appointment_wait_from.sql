-- Remote tickets and appointments (issue 25 items 5 and 6): a ticket joins the queue at the customer's check-in
-- (issued_at); an appointment checked in before its slot waits from the slot's start, which its issue event carries as
-- waitFrom. TicketFacts folds it as a fact of its own; wait_from (V12) stays the derived wait clock start.
ALTER TABLE sla_ticket ADD COLUMN issued_wait_from TIMESTAMPTZ;
