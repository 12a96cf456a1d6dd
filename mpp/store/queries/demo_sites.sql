-- Sites among the chosen ones whose live figures come from the demo data set.
SELECT DISTINCT s.name
FROM loads l
JOIN service_visits v ON v.load_id = l.load_id AND v.superseded_by IS NULL
JOIN sites s ON s.site_id = v.site_id
WHERE l.layout = 'demo' AND l.status = 'loaded' AND list_contains($sites, s.name)
UNION
SELECT DISTINCT s.name
FROM loads l
JOIN site_visitors v ON v.load_id = l.load_id AND v.superseded_by IS NULL
JOIN sites s ON s.site_id = v.site_id
WHERE l.layout = 'demo' AND l.status = 'loaded' AND list_contains($sites, s.name)
ORDER BY 1;
