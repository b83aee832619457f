-- The service standard's limits (domain.md), the defaults every SLA policy starts from.
-- Wait: 15 min for everyone. Handling: per business type; types without a number in the
-- standard get a configurable default.
CREATE TABLE sla_default_limit (
    business_type          TEXT PRIMARY KEY,
    wait_limit_seconds     INTEGER NOT NULL CHECK (wait_limit_seconds > 0),
    handling_limit_seconds INTEGER NOT NULL CHECK (handling_limit_seconds > 0),
    from_standard          BOOLEAN NOT NULL
);

INSERT INTO sla_default_limit (business_type, wait_limit_seconds, handling_limit_seconds, from_standard) VALUES
    ('PAYMENT',       900, 120, TRUE),
    ('GENERAL',       900, 300, TRUE),
    ('NEW_LINE',      900, 480, TRUE),
    ('BROADBAND',     900, 600, TRUE),
    ('SIM',           900, 300, FALSE),
    ('CLOSE_ACCOUNT', 900, 600, FALSE),
    ('COMPLAINT',     900, 900, FALSE),
    ('CONSULT',       900, 300, FALSE);
