-- The timeline consumer writes every event to event_journal and folds it into sla_ticket; on
-- catch-up these two tables took most of PostgreSQL's time per poll (bench/README.md, benchmark 2).

-- The journal is written, never queried, by the monitor: nothing reads it by ticket or by branch
-- (a replay reads it whole, in event time). Its two secondary indexes (from common's V0_2) were
-- about two thirds of the cost of journaling a poll, so this service does without them. Looking
-- up one ticket's events in the journal is a sequential scan here; sla_ticket and sla_breach
-- answer that question.
DROP INDEX IF EXISTS event_journal_subject;
DROP INDEX IF EXISTS event_journal_branch_time;

-- Room on each page for a ticket's next versions: the updates that change no indexed column
-- (service started, finished, type hint, number) can then stay on the page as HOT updates,
-- without a new entry in each of the table's four indexes.
ALTER TABLE sla_ticket SET (fillfactor = 70);
