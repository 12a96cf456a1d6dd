-- The slices a load wrote, with what is visible in them now: service visits per (site, agency, month),
-- people entering per (site, month), survey respondents per (site, agency, month), and for a close or
-- reopen the month's state per measure ('closed_service_visits' ...: 1 closed, 0 open); agency is NULL
-- where the measure has none.
WITH touched AS (
    SELECT DISTINCT site_id, agency_id, CAST(date_trunc('month', day) AS DATE) AS month
    FROM service_visits WHERE load_id = $load_id
), touched_visitors AS (
    SELECT DISTINCT site_id, CAST(date_trunc('month', day) AS DATE) AS month
    FROM site_visitors WHERE load_id = $load_id
), touched_survey AS (
    SELECT DISTINCT site_id, agency_id, CAST(date_trunc('month', day) AS DATE) AS month
    FROM skm_responses WHERE load_id = $load_id
), touched_closures AS (
    SELECT DISTINCT site_id, measure, day AS month FROM month_closures WHERE load_id = $load_id
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
UNION ALL
SELECT s.name, 'skm_respondents', a.name, t.month,
       (SELECT count(*) FROM skm_responses r
        WHERE r.site_id = t.site_id AND r.agency_id IS NOT DISTINCT FROM t.agency_id
          AND date_trunc('month', r.day) = t.month AND r.superseded_by IS NULL)
FROM touched_survey t JOIN sites s USING (site_id) LEFT JOIN agencies a USING (agency_id)
UNION ALL
SELECT s.name, 'closed_' || t.measure, NULL, t.month,
       coalesce((SELECT max(CAST(c.closed AS INTEGER)) FROM month_closures c
                 WHERE c.site_id = t.site_id AND c.measure = t.measure AND c.day = t.month
                   AND c.superseded_by IS NULL), 0)
FROM touched_closures t JOIN sites s USING (site_id)
ORDER BY site, measure DESC, agency, month;
