-- A parent keyed by an id in text (as the monitor keeps ticket ids) and a child referencing it, both partitioned by
-- that id, and a plain table referencing the parent: the retention test drops the child's day before the parent's,
-- and sees a plain reference refuse the parent's drop. The parent has a generated column: its rows written before
-- their day's partition existed are moved out of the default partition into a copy that keeps it generated.
CREATE TABLE retention_parent (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    note        TEXT,
    note_length INTEGER GENERATED ALWAYS AS (length(note)) STORED
) PARTITION BY RANGE (id);
CREATE TABLE retention_parent_default PARTITION OF retention_parent DEFAULT;

CREATE TABLE retention_child (
    parent_id TEXT COLLATE "C" NOT NULL REFERENCES retention_parent (id),
    step      INTEGER NOT NULL,
    PRIMARY KEY (parent_id, step)
) PARTITION BY RANGE (parent_id);
CREATE TABLE retention_child_default PARTITION OF retention_child DEFAULT;

CREATE TABLE retention_pin (
    parent_id TEXT COLLATE "C" NOT NULL REFERENCES retention_parent (id)
);
