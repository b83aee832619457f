-- On-site campaigns at enterprise customers (集团进驻营销): the plan (staff, targets per product,
-- surge plan, dates) and what happened on site (leads and sales), for the evaluation afterwards.
CREATE TABLE campaign (
    id            UUID PRIMARY KEY,
    branch_id     TEXT        NOT NULL,
    group_ref     TEXT        NOT NULL,
    group_name    TEXT,
    site          TEXT        NOT NULL,
    starts_on     DATE        NOT NULL,
    ends_on       DATE        NOT NULL,
    lead_staff_id TEXT        NOT NULL,
    surge_plan    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX campaign_branch ON campaign (branch_id, starts_on);

CREATE TABLE campaign_staff (
    campaign_id UUID NOT NULL REFERENCES campaign (id),
    position    INT  NOT NULL,
    staff_id    TEXT NOT NULL,
    PRIMARY KEY (campaign_id, position),
    UNIQUE (campaign_id, staff_id)
);

CREATE TABLE campaign_target (
    campaign_id UUID NOT NULL REFERENCES campaign (id),
    offer_code  TEXT NOT NULL REFERENCES offer (code),
    target      INT  NOT NULL CHECK (target > 0),
    PRIMARY KEY (campaign_id, offer_code)
);

CREATE TABLE campaign_record (
    id           UUID PRIMARY KEY,
    campaign_id  UUID        NOT NULL REFERENCES campaign (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('LEAD', 'SALE')),
    staff_id     TEXT        NOT NULL,
    offer_code   TEXT        NOT NULL,
    quantity     INT         NOT NULL CHECK (quantity > 0),
    customer_ref TEXT,
    -- a sale that converts an earlier lead; each lead converts at most once
    lead_id      UUID UNIQUE REFERENCES campaign_record (id),
    follow_up_id UUID REFERENCES follow_up (id),
    recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX campaign_record_campaign ON campaign_record (campaign_id, recorded_at);

ALTER TABLE follow_up ADD CONSTRAINT follow_up_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id);
