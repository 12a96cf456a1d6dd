-- Every (site, month) of $start..$end in which a chosen site is expected to report one measure
-- ($measure) or reported it: who was expected, who reported, and whether an analyst closed the month.
-- The one statement of the coverage rule (mpp/visits/coverage.py says it in words):
--   service visits: expected = the agencies with a live row in one of the $history months before,
--     minus those that have left by the month's end (and are not members again), plus the members
--     for the whole month; with none of these (a site's first month, no roster), what arrived;
--   visitors: the site itself, every month from its first month with data up to $end.
-- Names come sorted; a month is closed when a live ledger row closes it.
WITH chosen AS (
    SELECT site_id, name, list_position($sites, name) AS pos FROM sites WHERE list_contains($sites, name)
), months AS (
    SELECT CAST(m AS DATE) AS month, CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS last_day
    FROM range(CAST($start AS TIMESTAMP), CAST($end AS TIMESTAMP) + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(m)
), agency_months AS (  -- a live row, even one of 0 visits, is a report
    SELECT v.site_id, v.agency_id, CAST(date_trunc('month', v.day) AS DATE) AS month
    FROM service_visits v
    WHERE $measure = 'service_visits' AND v.superseded_by IS NULL
      AND v.site_id IN (SELECT site_id FROM chosen)
      AND v.day >= CAST($start AS DATE) - to_months($history) AND v.day < $end + INTERVAL 1 MONTH
    GROUP BY ALL
), history AS (  -- the agency's latest month before: within $history months, it is still expected
    SELECT g.site_id, g.month, g.agency_id
    FROM (SELECT p.site_id, p.agency_id, m.month
          FROM (SELECT DISTINCT site_id, agency_id FROM agency_months) p, months m) g
    ASOF JOIN agency_months r
      ON r.site_id = g.site_id AND r.agency_id = g.agency_id AND g.month > r.month
    WHERE r.month >= g.month - to_months($history)
), members AS (
    SELECT site_id, agency_id, joined, left_on FROM site_members
    WHERE $measure = 'service_visits' AND site_id IN (SELECT site_id FROM chosen)
), present AS (  -- members for the whole month
    SELECT DISTINCT s.site_id, m.month, s.agency_id
    FROM members s JOIN months m ON s.joined <= m.month AND (s.left_on IS NULL OR s.left_on > m.last_day)
), gone AS (  -- left by the month's end and not a member again: no longer expected, whatever its history
    SELECT s.site_id, m.month, s.agency_id FROM members s JOIN months m ON s.left_on <= m.last_day
    EXCEPT SELECT * FROM present
), ruled AS (
    (SELECT * FROM history EXCEPT SELECT * FROM gone) UNION SELECT * FROM present
), arrived AS (
    SELECT site_id, month, agency_id FROM agency_months WHERE month >= $start
), expected AS (
    SELECT * FROM ruled
    UNION ALL
    SELECT * FROM arrived a
    WHERE NOT EXISTS (SELECT 1 FROM ruled e WHERE e.site_id = a.site_id AND e.month = a.month)
), agency_cells AS (
    SELECT site_id, month, agency_id, bool_or(is_expected) AS is_expected, bool_or(has_reported) AS has_reported
    FROM (SELECT *, true AS is_expected, false AS has_reported FROM expected
          UNION ALL SELECT *, false, true FROM arrived)
    GROUP BY ALL
), agency_rows AS (
    SELECT c.site_id, c.month,
           list_sort(list(a.name) FILTER (WHERE c.is_expected)) AS expected,
           list_sort(list(a.name) FILTER (WHERE c.has_reported)) AS reporting
    FROM agency_cells c JOIN agencies a USING (agency_id)
    GROUP BY c.site_id, c.month
), visitor_months AS (
    SELECT site_id, CAST(date_trunc('month', day) AS DATE) AS month
    FROM site_visitors
    WHERE $measure = 'visitors' AND superseded_by IS NULL
      AND site_id IN (SELECT site_id FROM chosen) AND day < $end + INTERVAL 1 MONTH
    GROUP BY ALL
), visitor_rows AS (  -- expected from the first month with data on
    SELECT f.site_id, m.month, [c.name] AS expected, CASE WHEN v.site_id IS NULL THEN [] ELSE [c.name] END AS reporting
    FROM (SELECT site_id, min(month) AS first_month FROM visitor_months GROUP BY site_id) f
    JOIN chosen c USING (site_id)
    JOIN months m ON m.month >= f.first_month
    LEFT JOIN visitor_months v ON v.site_id = f.site_id AND v.month = m.month
), closures AS (
    SELECT site_id, day AS month, bool_or(closed) AS closed
    FROM month_closures
    WHERE superseded_by IS NULL AND measure = $measure AND site_id IN (SELECT site_id FROM chosen)
      AND day BETWEEN $start AND $end
    GROUP BY ALL
)
SELECT c.name AS site, r.month, coalesce(r.expected, []) AS expected, coalesce(r.reporting, []) AS reporting,
       coalesce(x.closed, false) AS closed
FROM (SELECT * FROM agency_rows UNION ALL SELECT * FROM visitor_rows) r
JOIN chosen c USING (site_id)
LEFT JOIN closures x ON x.site_id = r.site_id AND x.month = r.month
ORDER BY c.pos, r.month;
