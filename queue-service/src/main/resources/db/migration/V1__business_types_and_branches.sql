-- The business-type catalogue and the demo branches. Handling limits are the service standard's
-- (domain.md, 业务受理速度要求) where it gives one; the others are defaults a branch may change.

CREATE TABLE business_type (
    code                   TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{0,31}$'),
    ticket_prefix          CHAR(1) NOT NULL UNIQUE CHECK (ticket_prefix ~ '^[A-Z]$'),
    name                   TEXT    NOT NULL,
    name_zh                TEXT    NOT NULL,
    handling_limit_seconds INTEGER NOT NULL CHECK (handling_limit_seconds > 0),
    limit_from_standard    BOOLEAN NOT NULL
);

INSERT INTO business_type (code, ticket_prefix, name, name_zh, handling_limit_seconds, limit_from_standard) VALUES
    ('PAYMENT',       'A', 'Bill payment',                         '话费缴纳',         120, TRUE),
    ('GENERAL',       'B', 'Account changes, suspend/resume',      '一般业务',         300, TRUE),
    ('NEW_LINE',      'C', 'Phone purchase, new line',             '购机、新装',       480, TRUE),
    ('BROADBAND',     'D', 'Broadband and fixed-line new install', '宽带和固话新装受理', 600, TRUE),
    ('SIM',           'E', 'SIM replacement',                      '补卡',             300, FALSE),
    ('CLOSE_ACCOUNT', 'F', 'Account closing',                      '销户',             600, FALSE),
    ('COMPLAINT',     'G', 'Complaint',                            '投诉',             900, FALSE),
    ('CONSULT',       'H', 'Consultation',                         '咨询',             300, FALSE);

CREATE TABLE branch (
    id         TEXT PRIMARY KEY CHECK (id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    name       TEXT NOT NULL,
    time_zone  TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    opens_at   TIME NOT NULL DEFAULT '09:00',
    closes_at  TIME NOT NULL DEFAULT '18:00',
    CHECK (opens_at < closes_at)
);

CREATE TABLE branch_business_type (
    branch_id          TEXT NOT NULL REFERENCES branch (id),
    business_type_code TEXT NOT NULL REFERENCES business_type (code),
    PRIMARY KEY (branch_id, business_type_code)
);

INSERT INTO branch (id, name, time_zone, opens_at, closes_at) VALUES
    ('GZ-TH-001', '广州天河营业厅', 'Asia/Shanghai', '09:00', '18:00'),
    ('SZ-FT-002', '深圳福田营业厅', 'Asia/Shanghai', '09:00', '18:00');

-- The first-level hall offers everything; the smaller one has no complaint reception room.
INSERT INTO branch_business_type (branch_id, business_type_code)
    SELECT 'GZ-TH-001', code FROM business_type;
INSERT INTO branch_business_type (branch_id, business_type_code)
    SELECT 'SZ-FT-002', code FROM business_type WHERE code <> 'COMPLAINT';
