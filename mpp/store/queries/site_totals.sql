-- One measure per site over a period: total, months reported, first and last month reported.
-- Straight from the fact tables with the day range filtered first (the monthly views aggregate everything).
WITH monthly AS (
    SELECT s.name AS site, CAST(date_trunc('month', v.day) AS DATE) AS month, sum(v.visits) AS value
    FROM service_visits v JOIN sites s USING (site_id)
    WHERE $measure = 'service_visits' AND v.superseded_by IS NULL AND v.day BETWEEN $start AND $last_day
    GROUP BY ALL
    UNION ALL
    SELECT s.name, CAST(date_trunc('month', v.day) AS DATE), sum(v.visitors)
    FROM site_visitors v JOIN sites s USING (site_id)
    WHERE $measure = 'visitors' AND v.superseded_by IS NULL AND v.day BETWEEN $start AND $last_day
    GROUP BY ALL
)
SELECT site, CAST(sum(value) AS BIGINT) AS total, count(*) AS months, min(month) AS first, max(month) AS last
FROM monthly
WHERE list_contains($sites, site)
GROUP BY site
ORDER BY site;
