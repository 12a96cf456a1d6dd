-- What the status words of ticket exports mean (mpp/reference/ticket_statuses.py): seeded from the
-- editable list mpp/reference/data/ticket_statuses.csv; an analyst adds a word a queue system writes
-- (python -m loaders ingest --status WORD=MEANING), recorded with who added it. Only 'served' tickets
-- are visits; 'cancelled' and 'no_show' go to queue_outcomes; 'waiting' and 'other' are not counted.
CREATE TABLE ticket_statuses (
    status_key  VARCHAR PRIMARY KEY,          -- the word in lower case, letters and digits only
    word        VARCHAR NOT NULL,             -- as first written
    meaning     VARCHAR NOT NULL CHECK (meaning IN ('served', 'cancelled', 'no_show', 'waiting', 'other')),
    source      VARCHAR NOT NULL DEFAULT 'seed',  -- seed | analyst
    added_by    VARCHAR,
    added_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);
