-- Every alert view counts the alert's breaches ("breaches" in GET /api/v1/alerts), and retention's
-- delete of old alerts checks alert_breach's foreign key for each: both looked alert_breach up by
-- alert_id, which only the partial index of unnotified breaches covered, so each was a sequential
-- scan of the table. In benchmark 4 (1,000 branches, 60x) the table reached 21,670 rows by the
-- end of the simulated day; a duty manager's list then took 24 ms (one branch) to 500 ms (all),
-- holding a pooled connection throughout, and the duty managers' polling drained the monitor's
-- pool (acquisition timeouts in the consumers, the relay and the timer scan).
CREATE INDEX alert_breach_alert ON alert_breach (alert_id);
