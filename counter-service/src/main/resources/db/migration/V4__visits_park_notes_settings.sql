-- Visits (issue 25). A ticket may now be served more than once at this service's counters: parked back into the
-- queue in the middle of a service and served again, or transferred and served for its new type. A service record
-- is one service: keyed by the ticket and its start. A parked service ends at parked_at (not finished: the clerk's
-- report counts finished services only).
ALTER TABLE service_record DROP CONSTRAINT service_record_pkey;
ALTER TABLE service_record ADD PRIMARY KEY (ticket_id, started_at);
ALTER TABLE service_record ADD COLUMN parked_at TIMESTAMPTZ;
CREATE INDEX service_record_ticket ON service_record (ticket_id);

-- What a branch asks of a finished service: whether the clerk must name the business types actually handled.
CREATE TABLE branch_counter_setting (
    branch_id                       TEXT PRIMARY KEY,
    business_types_handled_required BOOLEAN     NOT NULL,
    updated_at                      TIMESTAMPTZ NOT NULL
);
