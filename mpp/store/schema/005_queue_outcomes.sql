-- Queue tickets that were not visits: online bookings cancelled and people who did not come (no-show),
-- as queue systems report them beside the channels (SiolaQ channel recap). Kept per agency and day so
-- the Kanal page can show them beside walk-in and online; never added to service visits.
CREATE TABLE queue_outcomes (
    site_id        INTEGER NOT NULL REFERENCES sites (site_id),
    agency_id      INTEGER NOT NULL REFERENCES agencies (agency_id),
    day            DATE NOT NULL,
    grain          VARCHAR NOT NULL CHECK (grain IN ('day', 'month')),
    service        VARCHAR,
    cancelled      BIGINT NOT NULL CHECK (cancelled >= 0),
    no_show        BIGINT NOT NULL CHECK (no_show >= 0),
    load_id        INTEGER NOT NULL,
    superseded_by  INTEGER
);
