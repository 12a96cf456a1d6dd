-- Daily figures of one measure for the chosen sites (only where the data are daily).
SELECT site, day, sum(value) AS value FROM (
    SELECT s.name AS site, v.day, v.visitors AS value
    FROM site_visitors v JOIN sites s USING (site_id)
    WHERE $measure = 'visitors' AND v.superseded_by IS NULL AND v.grain = 'day'
    UNION ALL
    SELECT s.name, v.day, v.visits
    FROM service_visits v JOIN sites s USING (site_id)
    WHERE $measure = 'service_visits' AND v.superseded_by IS NULL AND v.grain = 'day'
)
WHERE list_contains($sites, site) AND day BETWEEN $start AND $end
GROUP BY site, day
ORDER BY site, day;
