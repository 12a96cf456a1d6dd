-- Service visits per agency and month over a period.
SELECT agency, month, sum(visits) AS visits
FROM monthly_agency_visits
WHERE list_contains($sites, site) AND month BETWEEN $start AND $end
GROUP BY agency, month
ORDER BY agency, month;
