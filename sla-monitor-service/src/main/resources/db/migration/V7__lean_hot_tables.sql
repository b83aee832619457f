-- The timeline consumer writes every event to event_journal and folds it into sla_ticket; on
-- catch-up these two tables took most of PostgreSQL's time per poll (bench/README.md, benchmark 2).

-- The journal is written, never queried, by the monitor: nothing reads it by ticket or by branch
-- (a replay reads it whole, in event time). Its two secondary indexes (from common's V0_2) were
-- about two thirds of the cost of journaling a poll, so this service does without them. Looking
-- up one ticket's events in the journal is a sequential scan here; sla_ticket and sla_breach
-- answer that question.
DROP INDEX IF EXISTS event_journal_subject;
DROP INDEX IF EXISTS event_journal_branch_time;

-- No query can use this partial index: the monitor's "still waiting" conditions all read
-- "wait_ended_at IS NULL OR wait_ended_at > ?" (a wait is judged as of a moment), which does not
-- imply its predicate; those queries use sla_ticket_branch_issued. Each new ticket paid an entry.
DROP INDEX IF EXISTS sla_ticket_waiting;

-- Room on each page for a ticket's next versions: the updates that change no indexed column
-- (service started, finished, type hint, number) can then stay on the page as HOT updates,
-- without a new entry in each of the table's indexes.
ALTER TABLE sla_ticket SET (fillfactor = 70);
