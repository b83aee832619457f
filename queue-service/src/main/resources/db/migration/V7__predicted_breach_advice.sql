-- A predicted breach at the kiosk (issue 24): where a new ticket's estimate already exceeds its wait limit,
-- the customer is told so and offered the other channels that can do the business and the nearby branches
-- whose estimate, travel included, is at least ten minutes shorter. Neighbours are configured per branch
-- with the travel minutes between them (one direction each; the admin API sets a branch's whole list).
CREATE TABLE branch_neighbour (
    branch_id      TEXT    NOT NULL REFERENCES branch (id),
    neighbour_id   TEXT    NOT NULL REFERENCES branch (id),
    travel_minutes INTEGER NOT NULL CHECK (travel_minutes BETWEEN 1 AND 240),
    PRIMARY KEY (branch_id, neighbour_id),
    CHECK (branch_id <> neighbour_id)
);

-- What the ticket was advised at issue: null where no breach was predicted; else the codes of the channels and
-- branches offered (e.g. SELF_SERVICE_MACHINE, ONLINE_HALL, BRANCH:SZ-FT-002). What the customer did follows
-- from the ticket's own end (cancelled: took the advice; otherwise kept it).
ALTER TABLE ticket ADD COLUMN breach_predicted BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE ticket ADD COLUMN advised TEXT[];
