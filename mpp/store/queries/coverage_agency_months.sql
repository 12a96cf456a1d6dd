-- Which agencies reported service visits at the chosen sites, per month from $start to $end: a live
-- row counts as reported, even one of 0 visits (a reported zero is not a missing month).
SELECT s.name AS site, a.name AS agency, CAST(date_trunc('month', v.day) AS DATE) AS month
FROM service_visits v
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE v.superseded_by IS NULL AND list_contains($sites, s.name)
  AND v.day >= $start AND v.day < $end + INTERVAL 1 MONTH
GROUP BY ALL;
