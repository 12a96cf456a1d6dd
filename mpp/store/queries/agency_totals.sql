-- Service visits per agency over a period, highest first (ties by name, so the order is stable).
SELECT agency, sum(visits) AS visits, count(DISTINCT month) AS months
FROM monthly_agency_visits
WHERE list_contains($sites, site) AND month BETWEEN $start AND $end
GROUP BY agency
HAVING sum(visits) > 0
ORDER BY visits DESC, agency;
