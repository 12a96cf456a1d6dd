-- Add an event to a site's timeline; returns its id.
INSERT INTO events (site_id, day, label, kind, added_by)
SELECT site_id, $day, $label, $kind, $added_by FROM sites WHERE name = $site
RETURNING event_id
