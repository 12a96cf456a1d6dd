-- Service visits of one agency per month over a period, summed over the chosen sites.
SELECT month, sum(visits) AS value
FROM monthly_agency_visits
WHERE list_contains($sites, site) AND agency = $agency AND month BETWEEN $start AND $end
GROUP BY month
ORDER BY month;
