-- BranchWaits.active asks every few seconds which branches had a wait start or end within the
-- policy's widest window, across all branches. The only indexes on those columns begin with
-- branch_id, so each evaluation read the whole of sla_ticket: fine on the first day, seconds a
-- scan with the weeks of tickets that retention keeps. One entry more per ticket and per wait end
-- (the wait end then is not a HOT update) buys an index range scan of the window.
CREATE INDEX sla_ticket_issued ON sla_ticket (issued_at);
CREATE INDEX sla_ticket_wait_ended ON sla_ticket (wait_ended_at) WHERE wait_ended_at IS NOT NULL;
