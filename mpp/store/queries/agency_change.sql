-- Service visits per agency in a period and in the same months a year earlier, highest first (ties by
-- name). One pass over the fact table, with the day ranges filtered before grouping.
SELECT a.name AS agency,
       CAST(sum(v.visits) FILTER (WHERE v.day BETWEEN $start AND $last_day) AS BIGINT) AS visits,
       CAST(sum(v.visits) FILTER (WHERE v.day BETWEEN $base_start AND $base_last_day) AS BIGINT)
           AS visits_last_year,
       count(DISTINCT date_trunc('month', v.day)) FILTER (WHERE v.day BETWEEN $start AND $last_day) AS months
FROM service_visits v
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE v.superseded_by IS NULL AND list_contains($sites, s.name)
  AND (v.day BETWEEN $start AND $last_day OR v.day BETWEEN $base_start AND $base_last_day)
GROUP BY a.name
HAVING sum(v.visits) FILTER (WHERE v.day BETWEEN $start AND $last_day) > 0
ORDER BY visits DESC, agency;
