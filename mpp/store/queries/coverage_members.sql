-- Member agencies of the chosen sites with the dates they joined and left (NULL: still a member).
SELECT s.name AS site, a.name AS agency, m.joined, m.left_on
FROM site_members m
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE list_contains($sites, s.name)
ORDER BY s.name, a.name, m.joined;
