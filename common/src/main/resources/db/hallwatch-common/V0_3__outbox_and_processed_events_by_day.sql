-- Data that expires (issue 26): the outbox and the consumers' dedupe record, one partition per UTC day of their
-- time-ordered event ids (UUID version 7: the millisecond of creation leads), so that a day past its retention is
-- dropped whole (io.hallwatch.common.retention.DailyPartitions) instead of deleted row by row, and a row, keyed by its
-- event id, always lands in its id's day: the primary key still refuses a duplicate. The daily partitions are made by
-- the job (at start and hourly, days ahead); until then, and for ids of no day (not made by a Hallwatch producer), the
-- default partition takes the rows.

ALTER TABLE processed_event RENAME TO processed_event_before_partitions;
ALTER INDEX processed_event_pkey RENAME TO processed_event_before_partitions_pkey;
DROP INDEX processed_event_processed_at;
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
) PARTITION BY RANGE (event_id);
CREATE TABLE processed_event_default PARTITION OF processed_event DEFAULT;
INSERT INTO processed_event (consumer, event_id, processed_at)
SELECT consumer, event_id, processed_at FROM processed_event_before_partitions;
DROP TABLE processed_event_before_partitions;

-- The relay's order stays seq (its sequence carries over); the key is the event id, which names the day.
ALTER TABLE outbox_event RENAME TO outbox_event_before_partitions;
ALTER INDEX outbox_event_pkey RENAME TO outbox_event_before_partitions_pkey;
ALTER INDEX outbox_event_event_id_key RENAME TO outbox_event_before_partitions_event_id_key;
DROP INDEX outbox_event_unsent;
DROP INDEX outbox_event_sent_at;
ALTER SEQUENCE outbox_event_seq_seq OWNED BY NONE;
CREATE TABLE outbox_event (
    seq         BIGINT      NOT NULL DEFAULT nextval('outbox_event_seq_seq'),
    event_id    UUID        NOT NULL,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    event_time  TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    PRIMARY KEY (event_id)
) PARTITION BY RANGE (event_id);
ALTER SEQUENCE outbox_event_seq_seq OWNED BY outbox_event.seq;
-- The relay only ever looks for what is not sent yet, in order (and marks it sent by seq).
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;
CREATE TABLE outbox_event_default PARTITION OF outbox_event DEFAULT;
INSERT INTO outbox_event (seq, event_id, topic, record_key, event_type, payload, event_time, created_at, sent_at)
SELECT seq, event_id, topic, record_key, event_type, payload, event_time, created_at, sent_at FROM outbox_event_before_partitions;
DROP TABLE outbox_event_before_partitions;
