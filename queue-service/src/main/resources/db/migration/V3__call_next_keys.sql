-- Call-next requests by idempotency key, per counter: a repeated key (the counter-service's retry
-- after a timeout, a clerk's screen resending a click) gets the ticket the first one called
-- (NULL: nobody waited) instead of calling a second customer. Kept a day (CallNextKeys.KEPT).
CREATE TABLE call_next_key (
    branch_id       TEXT        NOT NULL,
    counter_id      TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    clerk_id        TEXT        NOT NULL,
    ticket_id       UUID REFERENCES ticket (id),
    requested_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (branch_id, counter_id, idempotency_key)
);
