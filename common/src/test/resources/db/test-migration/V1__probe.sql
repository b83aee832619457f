-- A stand-in for a service's own state, so the tests can see state and events move together.
CREATE TABLE probe_state (
    ticket_id  TEXT PRIMARY KEY,
    branch_id  TEXT NOT NULL
);

CREATE TABLE probe_applied (
    id        BIGSERIAL PRIMARY KEY,
    event_id  UUID NOT NULL,
    ticket_id TEXT NOT NULL
);
