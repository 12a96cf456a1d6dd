-- Remove one event by its id (the caller looks it up first: a shared store has no DELETE ... RETURNING).
DELETE FROM events WHERE event_id = $event_id
