-- How each offer shown at a counter ended, and the second-round follow-ups (二次营销) that an
-- "interested" customer (or a campaign lead) creates for a branch.
ALTER TABLE recommendation
    ADD COLUMN outcome_id     UUID UNIQUE,
    ADD COLUMN outcome        TEXT CHECK (outcome IN ('ACCEPTED', 'DECLINED', 'INTERESTED', 'NOT_PITCHED')),
    ADD COLUMN outcome_reason TEXT,
    ADD COLUMN outcome_at     TIMESTAMPTZ,
    ADD CONSTRAINT recommendation_outcome_needs_offer CHECK (outcome IS NULL OR offer_code IS NOT NULL);

CREATE TABLE follow_up (
    id                UUID PRIMARY KEY,
    branch_id         TEXT        NOT NULL,
    offer_code        TEXT        NOT NULL,
    -- the CRM reference the branch calls the customer back through; null for an anonymous customer
    customer_ref      TEXT,
    source            TEXT        NOT NULL CHECK (source IN ('COUNTER', 'CAMPAIGN')),
    recommendation_id UUID REFERENCES recommendation (id),
    ticket_id         TEXT,
    campaign_id       UUID,
    created_at        TIMESTAMPTZ NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    result            TEXT CHECK (result IN ('ACCEPTED', 'DECLINED', 'UNREACHABLE')),
    note              TEXT,
    closed_at         TIMESTAMPTZ,
    CHECK ((status = 'CLOSED') = (result IS NOT NULL))
);
CREATE INDEX follow_up_branch_due ON follow_up (branch_id, status, due_at);
CREATE INDEX follow_up_campaign ON follow_up (campaign_id) WHERE campaign_id IS NOT NULL;
