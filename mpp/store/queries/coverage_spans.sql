-- Per chosen site, the first and last month with data of one measure ($measure), and the earliest
-- date an agency joined it (a site set up with its roster is expected before its first file). Read
-- from the fact tables with the sites filtered first, not from the views that sum every site.
WITH chosen AS (
    SELECT site_id, name FROM sites WHERE list_contains($sites, name)
), days AS (
    SELECT v.site_id, min(v.day) AS first_day, max(v.day) AS last_day
    FROM service_visits v
    WHERE $measure = 'service_visits' AND v.superseded_by IS NULL
      AND v.site_id IN (SELECT site_id FROM chosen)
    GROUP BY v.site_id
    UNION ALL
    SELECT v.site_id, min(v.day), max(v.day)
    FROM site_visitors v
    WHERE $measure = 'visitors' AND v.superseded_by IS NULL
      AND v.site_id IN (SELECT site_id FROM chosen)
    GROUP BY v.site_id
)
SELECT c.name AS site,
       CAST(date_trunc('month', d.first_day) AS DATE) AS first_month,
       CAST(date_trunc('month', d.last_day) AS DATE) AS last_month,
       (SELECT min(joined) FROM site_members m WHERE m.site_id = c.site_id) AS first_joined
FROM chosen c
LEFT JOIN days d USING (site_id);
