-- The end of the service day (issue 23). The queue-service owns a branch's opening hours: it issues the
-- tickets, refuses them outside the hours, and closes the day. At closing time plus the branch's grace
-- (close_grace_minutes; existing branches get 15) every ticket still WAITING or CALLED becomes CLOSED with a
-- hallwatch.ticket.closed.v1 event (reason BRANCH_CLOSED).
ALTER TABLE branch ADD COLUMN close_grace_minutes INTEGER NOT NULL DEFAULT 15
    CHECK (close_grace_minutes BETWEEN 0 AND 720);

ALTER TABLE ticket DROP CONSTRAINT ticket_status_check;
ALTER TABLE ticket ADD CONSTRAINT ticket_status_check
    CHECK (status IN ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'CANCELLED', 'CLOSED'));

-- The closing job's question, every few seconds: which (branch, service day) still has open tickets.
CREATE INDEX ticket_open_by_day ON ticket (service_day, branch_id) WHERE status IN ('WAITING', 'CALLED');

-- The duty manager keeps a branch open late: each request recorded (who, when, why), never changed; the
-- latest one for a day is in force. An extension past midnight belongs to the day it extended.
CREATE TABLE day_extension (
    id           UUID PRIMARY KEY,
    branch_id    TEXT        NOT NULL REFERENCES branch (id),
    service_day  DATE        NOT NULL,
    until        TIMESTAMPTZ NOT NULL,
    reason       TEXT,
    requested_by TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX day_extension_by_day ON day_extension (branch_id, service_day, requested_at);
