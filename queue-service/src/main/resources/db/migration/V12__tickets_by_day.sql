-- Data that expires (issue 26): the tickets and what hangs off them, one partition per UTC day of the ticket's
-- time-ordered id (UUID version 7, made at issue or at the remote take: io.hallwatch.common.retention.IdDays), so that a
-- day past its retention (hallwatch.retention.facts, 400 days; keep.<table> for one) is dropped whole by
-- DailyPartitions, never row by row. The queue's PartitionedTables (store.retention.QueueTables) lists them, the
-- referencing ones first: a consent, an out-of-order call and an appointment go before the ticket they name.
--
-- A key on a partitioned table must hold its partition key, so the tickets' and appointments' other unique keys
-- become plain indexes. They were safety nets: the number comes from ticket_sequence under its row lock, an
-- idempotency key and a check-in code are taken under a transaction-long advisory lock on (branch, key) that the
-- lookup runs under (TicketStore.findByIdempotencyKey, CheckInCodeChooser).
-- Live queries add id >= IdDays.liveFrom(wall clock) so that PostgreSQL reads the last days' partitions only.

-- Referencing tables first: their foreign keys are made again against the new ticket table below.
ALTER TABLE turn_notice RENAME TO turn_notice_before_partitions;
ALTER INDEX turn_notice_pkey RENAME TO turn_notice_before_partitions_pkey;
ALTER TABLE out_of_order_call RENAME TO out_of_order_call_before_partitions;
ALTER INDEX out_of_order_call_pkey RENAME TO out_of_order_call_before_partitions_pkey;
ALTER TABLE appointment RENAME TO appointment_before_partitions;
ALTER INDEX appointment_pkey RENAME TO appointment_before_partitions_pkey;
ALTER TABLE call_next_key DROP CONSTRAINT call_next_key_ticket_id_fkey;
ALTER TABLE ticket RENAME TO ticket_before_partitions;
ALTER INDEX ticket_pkey RENAME TO ticket_before_partitions_pkey;
DROP INDEX ticket_waiting, ticket_branch_day, ticket_open_by_day, ticket_remote_code, ticket_remote_number,
    ticket_remote_expiry, ticket_check_in_code;
ALTER TABLE ticket_before_partitions DROP CONSTRAINT ticket_branch_id_service_day_number_key;
ALTER TABLE ticket_before_partitions DROP CONSTRAINT ticket_branch_id_idempotency_key_key;

-- Columns, defaults and checks as they are (LIKE): the partitioned table is the same table by another layout.
CREATE TABLE ticket (LIKE ticket_before_partitions INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (id),
    FOREIGN KEY (branch_id) REFERENCES branch (id),
    FOREIGN KEY (business_type) REFERENCES business_type (code)
) PARTITION BY RANGE (id);
CREATE TABLE ticket_default PARTITION OF ticket DEFAULT;
CREATE INDEX ticket_waiting ON ticket (branch_id, issued_at) WHERE status = 'WAITING';
CREATE INDEX ticket_branch_day ON ticket (branch_id, service_day);
CREATE INDEX ticket_open_by_day ON ticket (service_day, branch_id) WHERE status IN ('WAITING', 'CALLED');
CREATE INDEX ticket_number ON ticket (branch_id, service_day, number);
CREATE INDEX ticket_idempotency_key ON ticket (branch_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX ticket_remote_code ON ticket (branch_id, check_in_code) WHERE status = 'REMOTE';
CREATE INDEX ticket_remote_number ON ticket (branch_id, number) WHERE status = 'REMOTE';
CREATE INDEX ticket_remote_expiry ON ticket (check_in_by) WHERE status = 'REMOTE';
CREATE INDEX ticket_check_in_code ON ticket (branch_id, check_in_code) WHERE check_in_code IS NOT NULL;


CREATE TABLE turn_notice (LIKE turn_notice_before_partitions INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (ticket_id),
    FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) PARTITION BY RANGE (ticket_id);
CREATE TABLE turn_notice_default PARTITION OF turn_notice DEFAULT;
DROP INDEX turn_notice_untold;
CREATE INDEX turn_notice_untold ON turn_notice (requested_at) WHERE told_at IS NULL;

CREATE TABLE out_of_order_call (LIKE out_of_order_call_before_partitions INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (ticket_id, called_at),
    FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) PARTITION BY RANGE (ticket_id);
CREATE TABLE out_of_order_call_default PARTITION OF out_of_order_call DEFAULT;
DROP INDEX out_of_order_call_branch_day;
CREATE INDEX out_of_order_call_branch_day ON out_of_order_call (branch_id, service_day);

-- An appointment by its own id (made at booking): its ticket is made at the check-in, later, so the appointment's day
-- is never after its ticket's and goes first or with it.
DROP INDEX appointment_open_code, appointment_code, appointment_slot, appointment_no_show;
ALTER TABLE appointment_before_partitions DROP CONSTRAINT appointment_branch_id_idempotency_key_key;
CREATE TABLE appointment (LIKE appointment_before_partitions INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (id),
    FOREIGN KEY (branch_id) REFERENCES branch (id),
    FOREIGN KEY (business_type) REFERENCES business_type (code),
    FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) PARTITION BY RANGE (id);
CREATE TABLE appointment_default PARTITION OF appointment DEFAULT;
CREATE INDEX appointment_open_code ON appointment (branch_id, check_in_code) WHERE status = 'BOOKED';
CREATE INDEX appointment_code ON appointment (branch_id, check_in_code);
CREATE INDEX appointment_slot ON appointment (branch_id, business_type, slot_start);
CREATE INDEX appointment_no_show ON appointment (slot_start) WHERE status = 'BOOKED';
CREATE INDEX appointment_idempotency_key ON appointment (branch_id, idempotency_key) WHERE idempotency_key IS NOT NULL;


-- The days of the rows already here (ids of version 7: a random id has no day and stays in the default partition),
-- and today and the three days ahead (the job's days-ahead), get their partitions before the rows come. A ticket
-- waiting in the default partition for a day the job makes later could not be moved there: the tables above and
-- call_next_key point at it, and PostgreSQL checks a foreign key per partition.
DO $$
DECLARE
    d DATE;
    t TEXT;
BEGIN
    FOR d IN
        SELECT DISTINCT (to_timestamp(('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint / 1000.0)
                         AT TIME ZONE 'UTC')::date
        FROM (SELECT id FROM ticket_before_partitions UNION ALL SELECT id FROM appointment_before_partitions) ids
        WHERE substr(id::text, 15, 1) = '7'
        UNION
        SELECT (now() AT TIME ZONE 'UTC')::date + ahead FROM generate_series(0, 3) AS ahead
    LOOP
        FOREACH t IN ARRAY ARRAY['ticket', 'turn_notice', 'out_of_order_call', 'appointment'] LOOP
            -- IdDays.lowestAt: the day's first millisecond in the id's leading 48 bits, the rest zero.
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', t || '_p' || to_char(d, 'YYYYMMDD'), t,
                (lpad(to_hex((extract(EPOCH FROM d::timestamp) * 1000)::bigint), 12, '0') || '00000000000000000000')::uuid,
                (lpad(to_hex((extract(EPOCH FROM (d + 1)::timestamp) * 1000)::bigint), 12, '0') || '00000000000000000000')::uuid);
        END LOOP;
    END LOOP;
END $$;

INSERT INTO ticket SELECT * FROM ticket_before_partitions;
INSERT INTO turn_notice SELECT * FROM turn_notice_before_partitions;
INSERT INTO out_of_order_call SELECT * FROM out_of_order_call_before_partitions;
INSERT INTO appointment SELECT * FROM appointment_before_partitions;
-- A call-next key lives a day (CallNextKeys.KEPT deletes it): its ticket is still there while it does.
ALTER TABLE call_next_key ADD FOREIGN KEY (ticket_id) REFERENCES ticket (id);
DROP TABLE turn_notice_before_partitions, out_of_order_call_before_partitions, appointment_before_partitions;
DROP TABLE ticket_before_partitions;
