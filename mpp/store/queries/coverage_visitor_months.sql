-- The months in which the chosen sites reported people entering (pengunjung), up to $end: all of
-- their history, since a site is expected every month from its first one.
SELECT s.name AS site, CAST(date_trunc('month', v.day) AS DATE) AS month
FROM site_visitors v
JOIN sites s USING (site_id)
WHERE v.superseded_by IS NULL AND list_contains($sites, s.name) AND v.day < $end + INTERVAL 1 MONTH
GROUP BY ALL;
