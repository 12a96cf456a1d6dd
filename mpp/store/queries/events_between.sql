-- Events of the given sites ($sites; every site when NULL) from $start to $end inclusive (either may
-- be NULL: open-ended), by day, then site and id: as charts, the page and `event list` show them.
SELECT e.event_id, s.name AS site, e.day, e.label, e.kind, e.added_by, e.added_at
FROM events e
JOIN sites s USING (site_id)
WHERE ($sites IS NULL OR list_contains($sites, s.name))
  AND ($start IS NULL OR e.day >= $start)
  AND ($end IS NULL OR e.day <= $end)
ORDER BY e.day, s.name, e.event_id
