-- The branch's day report lists every clerk who worked there that day; without these it reads
-- every clerk's records of every branch.
CREATE INDEX service_record_branch_day ON service_record (branch_id, service_day);
CREATE INDEX counter_pause_branch_day ON counter_pause (branch_id, service_day);
CREATE INDEX no_show_branch_day ON no_show_record (branch_id, service_day);
