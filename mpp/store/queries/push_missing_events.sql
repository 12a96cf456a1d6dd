-- Lake push: the file's events (attached as `office`) the lake lacks (the same site, day, label and
-- kind), with the lake's site ids (push_sites: office id -> lake id), in the order they were added.
SELECT s.lake_id AS site_id, o.day, o.label, o.kind, o.added_by, o.added_at
FROM office.events o
JOIN push_sites s ON s.office_id = o.site_id
WHERE NOT EXISTS (
    SELECT 1 FROM events e
    WHERE e.site_id = s.lake_id AND e.day = o.day AND e.label = o.label AND e.kind = o.kind
)
ORDER BY o.event_id
