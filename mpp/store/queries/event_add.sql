-- Add an event to a site's timeline under the id the caller took from the store's sequence
-- (lake.next_id: a shared store has no column defaults from sequences, nor INSERT ... RETURNING).
INSERT INTO events (event_id, site_id, day, label, kind, added_by, added_at)
SELECT $event_id, site_id, $day, $label, $kind, $added_by, current_timestamp FROM sites WHERE name = $site
