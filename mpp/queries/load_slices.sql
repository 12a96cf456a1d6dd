-- The (site, agency, month) slices a load wrote, with the service visits visible in them now.
WITH touched AS (
    SELECT DISTINCT v.site_id, v.agency_id, CAST(date_trunc('month', v.day) AS DATE) AS month
    FROM service_visits v WHERE v.load_id = $load_id
)
SELECT s.name AS site, a.name AS agency, t.month,
       coalesce((SELECT sum(v.visits) FROM service_visits v
                 WHERE v.site_id = t.site_id AND v.agency_id = t.agency_id
                   AND date_trunc('month', v.day) = t.month AND v.superseded_by IS NULL), 0) AS visits
FROM touched t JOIN sites s USING (site_id) JOIN agencies a USING (agency_id)
ORDER BY site, agency, month;
