-- Both measures per site and month over a period (NULL where a site does not report one).
WITH v AS (
    SELECT site, month, sum(visitors) AS visitors FROM monthly_site_visitors
    WHERE list_contains($sites, site) AND month BETWEEN $start AND $end GROUP BY ALL
), s AS (
    SELECT site, month, sum(visits) AS service_visits FROM monthly_agency_visits
    WHERE list_contains($sites, site) AND month BETWEEN $start AND $end GROUP BY ALL
)
SELECT coalesce(v.site, s.site) AS site, coalesce(v.month, s.month) AS month, v.visitors, s.service_visits
FROM v FULL JOIN s ON v.site = s.site AND v.month = s.month
ORDER BY site, month;
