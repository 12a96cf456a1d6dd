-- Pantau MPP store, version 7: reporting coverage (issue 11).
-- Who is expected to report, and which months an analyst has closed ("tutup buku").

-- A site set up before its first file: when it opened and the channels it serves through
-- (walk_in, online, jemput_bola, digital), as the site page shows them.
ALTER TABLE sites ADD COLUMN opened DATE;
ALTER TABLE sites ADD COLUMN channels VARCHAR[];

-- Agencies that are members of a site from a date (and until they left), so a new MPP's first month
-- is judged against its roster rather than against an empty history. An agency may leave and join
-- again: one row per spell of membership.
CREATE TABLE site_members (
    site_id    INTEGER NOT NULL REFERENCES sites (site_id),
    agency_id  INTEGER NOT NULL REFERENCES agencies (agency_id),
    joined     DATE NOT NULL,
    left_on    DATE,                                   -- NULL while still a member
    added_by   VARCHAR NOT NULL DEFAULT 'system',
    added_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (site_id, agency_id, joined),
    CHECK (left_on IS NULL OR left_on > joined)
);

-- Closing a month is final: the agencies still missing had no service. Kept the ledger way, like the
-- facts: a close is a load (table loads) whose one row per measure says closed; a reopen is a later
-- load whose row (closed = false) supersedes it; undoing either gives back exactly what was there.
-- day is the first of the month; the slice is (site_id, measure, month), see mpp/store/ledger.py.
CREATE TABLE month_closures (
    site_id        INTEGER NOT NULL REFERENCES sites (site_id),
    measure        VARCHAR NOT NULL CHECK (measure IN ('service_visits', 'visitors')),
    day            DATE NOT NULL,
    closed         BOOLEAN NOT NULL,
    load_id        INTEGER NOT NULL,
    superseded_by  INTEGER
);

CREATE INDEX month_closures_slice ON month_closures (site_id, day);
