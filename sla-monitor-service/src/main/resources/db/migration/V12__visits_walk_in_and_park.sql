-- Visits (issue 25): a walk-in is never judged for its wait; a visit parked back into the queue waits again on the
-- budget it had left (its wait clock resumes at the park with the wait kept), and the service under way at a park
-- ends there. TicketFacts folds these; the columns keep them.
ALTER TABLE sla_ticket
    ADD COLUMN walk_in                 BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN last_called_at          TIMESTAMPTZ,
    ADD COLUMN parked_at               TIMESTAMPTZ,
    ADD COLUMN park_waited_seconds     BIGINT,
    ADD COLUMN service_parked_at       TIMESTAMPTZ,
    ADD COLUMN last_service_started_at TIMESTAMPTZ,
    -- Where the wait clock starts (TicketFacts.waitClockStart: the issue, or the park minus the wait kept): what
    -- the branch average and the report measure a wait from. NULL on rows from before: issued_at.
    ADD COLUMN wait_from               TIMESTAMPTZ;

-- The wait's end, park-aware: after a park only what happened from the park on ends the resumed wait. PostgreSQL 15
-- cannot change a generated column's expression: the column and its two indexes are made again (as V10 did).
ALTER TABLE sla_ticket DROP COLUMN wait_ended_at;
ALTER TABLE sla_ticket ADD COLUMN wait_ended_at TIMESTAMPTZ
    GENERATED ALWAYS AS (CASE WHEN parked_at IS NULL THEN LEAST(called_at, cancelled_at, closed_at, service_started_at)
        ELSE LEAST(CASE WHEN last_called_at >= parked_at THEN last_called_at END,
                   CASE WHEN cancelled_at >= parked_at THEN cancelled_at END,
                   CASE WHEN closed_at >= parked_at THEN closed_at END,
                   CASE WHEN last_service_started_at >= parked_at THEN last_service_started_at END) END) STORED;
CREATE INDEX sla_ticket_branch_wait_ended ON sla_ticket (branch_id, wait_ended_at);
CREATE INDEX sla_ticket_wait_ended ON sla_ticket (wait_ended_at) WHERE wait_ended_at IS NOT NULL;
