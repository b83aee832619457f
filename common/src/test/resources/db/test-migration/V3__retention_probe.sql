-- A table partitioned as outbox_event is, for the retention test to move through months without touching the
-- shared tables other tests use.
CREATE TABLE retention_probe (
    event_id UUID NOT NULL,
    note     TEXT,
    sent_at  TIMESTAMPTZ,
    PRIMARY KEY (event_id)
) PARTITION BY RANGE (event_id);
CREATE TABLE retention_probe_default PARTITION OF retention_probe DEFAULT;
