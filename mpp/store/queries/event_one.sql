-- One event by its id, as events_between gives it.
SELECT e.event_id, s.name AS site, e.day, e.label, e.kind, e.added_by, e.added_at
FROM events e
JOIN sites s USING (site_id)
WHERE e.event_id = $event_id
