-- One measure per chosen site in a period and in its base (the same months a year earlier): total and
-- months reported in each, from the fact tables with the sites and days filtered first, so hundreds of
-- sites are one pass (a roll-up sums these per province or kabupaten/kota).
WITH chosen AS (
    SELECT site_id, name FROM sites WHERE list_contains($sites, name)
), facts AS (
    SELECT v.site_id, v.day, v.visits AS value
    FROM service_visits v
    WHERE $measure = 'service_visits' AND v.superseded_by IS NULL
      AND v.site_id IN (SELECT site_id FROM chosen)
      AND (v.day BETWEEN $start AND $last_day OR v.day BETWEEN $base_start AND $base_last_day)
    UNION ALL
    SELECT v.site_id, v.day, v.visitors
    FROM site_visitors v
    WHERE $measure = 'visitors' AND v.superseded_by IS NULL
      AND v.site_id IN (SELECT site_id FROM chosen)
      AND (v.day BETWEEN $start AND $last_day OR v.day BETWEEN $base_start AND $base_last_day)
), monthly AS (
    SELECT site_id, CAST(date_trunc('month', day) AS DATE) AS month, sum(value) AS value
    FROM facts
    GROUP BY ALL
)
SELECT c.name AS site,
       CAST(sum(m.value) FILTER (WHERE m.month BETWEEN $start AND $last_day) AS BIGINT) AS total,
       count(m.month) FILTER (WHERE m.month BETWEEN $start AND $last_day) AS months,
       CAST(sum(m.value) FILTER (WHERE m.month BETWEEN $base_start AND $base_last_day) AS BIGINT) AS base_total,
       count(m.month) FILTER (WHERE m.month BETWEEN $base_start AND $base_last_day) AS base_months
FROM chosen c
LEFT JOIN monthly m USING (site_id)
GROUP BY c.name
ORDER BY c.name;
