-- The counters (台席) of the demo branches and the business types each serves (its skills).
CREATE TABLE counter (
    branch_id  TEXT    NOT NULL,
    counter_id TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    vip        BOOLEAN NOT NULL DEFAULT FALSE,
    skills     TEXT[]  NOT NULL CHECK (cardinality(skills) > 0),
    PRIMARY KEY (branch_id, counter_id)
);

INSERT INTO counter (branch_id, counter_id, label, vip, skills) VALUES
    ('GZ-TH-001', 'C01', '1号台', FALSE, ARRAY['PAYMENT', 'GENERAL']),
    ('GZ-TH-001', 'C02', '2号台', FALSE, ARRAY['PAYMENT', 'GENERAL', 'SIM']),
    ('GZ-TH-001', 'C03', '3号台', FALSE, ARRAY['NEW_LINE', 'BROADBAND', 'CONSULT']),
    ('GZ-TH-001', 'C04', '4号台', FALSE, ARRAY['NEW_LINE', 'BROADBAND', 'CLOSE_ACCOUNT']),
    ('GZ-TH-001', 'C05', '投诉接待室', FALSE, ARRAY['COMPLAINT']),
    ('GZ-TH-001', 'V01', 'VIP台', TRUE, ARRAY['PAYMENT', 'GENERAL', 'NEW_LINE', 'BROADBAND', 'SIM', 'CLOSE_ACCOUNT', 'CONSULT']),
    ('SZ-FT-002', 'C01', '1号台', FALSE, ARRAY['PAYMENT', 'GENERAL', 'SIM']),
    ('SZ-FT-002', 'C02', '2号台', FALSE, ARRAY['NEW_LINE', 'BROADBAND', 'CONSULT', 'CLOSE_ACCOUNT']),
    ('SZ-FT-002', 'V01', 'VIP台', TRUE, ARRAY['PAYMENT', 'GENERAL', 'NEW_LINE', 'BROADBAND', 'SIM', 'CLOSE_ACCOUNT', 'CONSULT']);
