-- Lake push: the file's member agencies (attached as `office`) with the lake's site and agency ids
-- (push_sites, push_agencies: office id -> lake id). A spell the lake has ended and the file has
-- not keeps the lake's leaving date: leaving is the later act, made where the file cannot know it.
SELECT s.lake_id AS site_id, a.lake_id AS agency_id, o.joined,
       coalesce(o.left_on, l.left_on) AS left_on, o.added_by, o.added_at
FROM office.site_members o
JOIN push_sites s ON s.office_id = o.site_id
JOIN push_agencies a ON a.office_id = o.agency_id
LEFT JOIN site_members l ON l.site_id = s.lake_id AND l.agency_id = a.lake_id AND l.joined = o.joined
