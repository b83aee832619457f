-- What the batching probe consumer applied, and in which database transaction.
CREATE TABLE probe_batch_applied (
    id        BIGSERIAL PRIMARY KEY,
    consumer  TEXT   NOT NULL,
    event_id  UUID   NOT NULL,
    ticket_id TEXT   NOT NULL,
    tx_id     BIGINT NOT NULL DEFAULT txid_current()
);
