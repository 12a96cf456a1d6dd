-- The slices a load wrote, with what is visible in them now: service visits per (site, agency, month)
-- and people entering per (site, month), the latter with agency NULL.
WITH touched AS (
    SELECT DISTINCT v.site_id, v.agency_id, CAST(date_trunc('month', v.day) AS DATE) AS month
    FROM service_visits v WHERE v.load_id = $load_id
), touched_visitors AS (
    SELECT DISTINCT v.site_id, CAST(date_trunc('month', v.day) AS DATE) AS month
    FROM site_visitors v WHERE v.load_id = $load_id
)
SELECT s.name AS site, 'service_visits' AS measure, a.name AS agency, t.month,
       coalesce((SELECT sum(v.visits) FROM service_visits v
                 WHERE v.site_id = t.site_id AND v.agency_id = t.agency_id
                   AND date_trunc('month', v.day) = t.month AND v.superseded_by IS NULL), 0) AS value
FROM touched t JOIN sites s USING (site_id) JOIN agencies a USING (agency_id)
UNION ALL
SELECT s.name, 'visitors', NULL, t.month,
       coalesce((SELECT sum(v.visitors) FROM site_visitors v
                 WHERE v.site_id = t.site_id AND date_trunc('month', v.day) = t.month
                   AND v.superseded_by IS NULL), 0)
FROM touched_visitors t JOIN sites s USING (site_id)
ORDER BY site, measure DESC, agency, month;
