-- Service visits of one agency per service type over a period, where the files name services.
SELECT v.service, CAST(sum(v.visits) AS BIGINT) AS visits
FROM service_visits v
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE v.superseded_by IS NULL AND v.service IS NOT NULL
  AND list_contains($sites, s.name) AND a.name = $agency
  AND v.day BETWEEN $start AND $last_day
GROUP BY v.service
ORDER BY visits DESC, v.service;
