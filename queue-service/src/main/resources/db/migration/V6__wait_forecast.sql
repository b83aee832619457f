-- Forecasts a hall can act on (issue 24). Each ticket keeps what it was told at issue, in seconds, beside
-- what the earlier formula (people ahead x mean handling / counters open for the type) would have told it,
-- and the people ahead then: the accuracy report compares both with the wait the customer had. Rows
-- issued before this have only estimated_wait_minutes.
ALTER TABLE ticket ADD COLUMN estimated_wait_seconds INTEGER;
ALTER TABLE ticket ADD COLUMN basic_wait_seconds INTEGER;
ALTER TABLE ticket ADD COLUMN people_ahead_at_issue INTEGER;

-- The forecast plays the counters forward, so it needs to know which are paused (CounterPaused and
-- CounterResumed on hallwatch.services.v1). resumed_at keeps a late pause event from pausing a counter
-- that resumed after it.
ALTER TABLE counter_presence ADD COLUMN paused_at TIMESTAMPTZ;
ALTER TABLE counter_presence ADD COLUMN pause_limit_seconds BIGINT;
ALTER TABLE counter_presence ADD COLUMN resumed_at TIMESTAMPTZ;
