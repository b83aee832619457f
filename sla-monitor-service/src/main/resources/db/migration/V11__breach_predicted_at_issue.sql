-- A predicted breach at the kiosk (issue 24): the queue tells a customer whose estimate already exceeds the wait
-- limit, and offers other channels or a nearby branch. TicketIssued says so (breachPredicted); the daily report
-- counts those customers and the breaches avoided: those who cancelled before their wait limit.
CREATE TABLE sla_breach_predicted (
    ticket_id              TEXT PRIMARY KEY,
    branch_id              TEXT        NOT NULL,
    issued_at              TIMESTAMPTZ NOT NULL,
    estimated_wait_seconds BIGINT
);
CREATE INDEX sla_breach_predicted_branch_issued ON sla_breach_predicted (branch_id, issued_at);
