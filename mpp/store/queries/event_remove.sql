-- Remove one event by its id; returns the id when there was one.
DELETE FROM events WHERE event_id = $event_id RETURNING event_id
