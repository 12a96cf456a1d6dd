-- Events on a site's timeline (mpp/reference/events.py): a launch, an opening or closing, a local
-- holiday, an outage, drawn on the monthly and daily charts and listed in the monthly report, so a
-- reader sees why a month rose or fell. Added and removed by analysts, with who and when. National
-- holidays and cuti bersama are not stored here: the calendar (mpp/calendar.py) knows them.
-- The label is kept as typed (a label beginning with '=' stays text; exports write it as text).
CREATE SEQUENCE IF NOT EXISTS event_ids START 1;
CREATE TABLE events (
    event_id  INTEGER PRIMARY KEY DEFAULT nextval('event_ids'),
    site_id   INTEGER NOT NULL REFERENCES sites (site_id),
    day       DATE NOT NULL CHECK (day BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
    label     VARCHAR NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 120),
    kind      VARCHAR NOT NULL
              CHECK (kind IN ('launch', 'opening', 'closing', 'holiday', 'outage', 'other')),
    added_by  VARCHAR NOT NULL,
    added_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX events_site_day ON events (site_id, day);
