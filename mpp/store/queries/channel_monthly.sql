-- Service visits per month and queue channel (walk-in, online, ...), where the files give channels.
SELECT CAST(date_trunc('month', v.day) AS DATE) AS month, v.channel, CAST(sum(v.visits) AS BIGINT) AS visits
FROM service_visits v
JOIN sites s USING (site_id)
WHERE v.superseded_by IS NULL AND v.channel IS NOT NULL
  AND list_contains($sites, s.name) AND v.day BETWEEN $start AND $last_day
GROUP BY ALL
ORDER BY month, v.channel;
