-- Service visits per agency and queue channel over a period, where the files give channels.
SELECT a.name AS agency, v.channel, CAST(sum(v.visits) AS BIGINT) AS visits
FROM service_visits v
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE v.superseded_by IS NULL AND v.channel IS NOT NULL
  AND list_contains($sites, s.name) AND v.day BETWEEN $start AND $last_day
GROUP BY ALL
ORDER BY agency, v.channel;
