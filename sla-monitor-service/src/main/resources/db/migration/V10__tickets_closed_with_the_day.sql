-- The end of the service day (issue 23): the queue closes the tickets still waiting or called at closing plus
-- grace (hallwatch.ticket.closed.v1, BRANCH_CLOSED). The close ends the wait like a call or a cancel (no timer, no
-- warning or breach after it, an open wait breach resolved), and the daily report counts these customers apart.
ALTER TABLE sla_ticket ADD COLUMN closed_at TIMESTAMPTZ;

-- The wait's end now includes the close. PostgreSQL 15 cannot change a generated column's expression: the column
-- and its two indexes are made again (V2, V8).
ALTER TABLE sla_ticket DROP COLUMN wait_ended_at;
ALTER TABLE sla_ticket ADD COLUMN wait_ended_at TIMESTAMPTZ
    GENERATED ALWAYS AS (LEAST(called_at, cancelled_at, closed_at, service_started_at)) STORED;
CREATE INDEX sla_ticket_branch_wait_ended ON sla_ticket (branch_id, wait_ended_at);
CREATE INDEX sla_ticket_wait_ended ON sla_ticket (wait_ended_at) WHERE wait_ended_at IS NOT NULL;
