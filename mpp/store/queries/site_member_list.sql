-- The member agencies of one site, every spell of membership, as the admin page and
-- `python -m mpp site members` list them: still-members first, then by agency and date joined.
SELECT a.name AS agency, m.joined, m.left_on, m.added_by
FROM site_members m
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE s.name = $site
ORDER BY m.left_on IS NOT NULL, a.name, m.joined;
