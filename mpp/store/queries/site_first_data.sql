-- The first month with any figure, either measure, per site: since when the store has the site's data.
SELECT s.name AS site, CAST(date_trunc('month', min(d.first)) AS DATE) AS first
FROM sites s
JOIN (
    SELECT site_id, min(day) AS first FROM service_visits WHERE superseded_by IS NULL GROUP BY site_id
    UNION ALL
    SELECT site_id, min(day) FROM site_visitors WHERE superseded_by IS NULL GROUP BY site_id
) d USING (site_id)
GROUP BY s.name;
