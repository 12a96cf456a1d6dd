-- Service visits (kunjungan layanan) per month, summed over the chosen sites and all their agencies.
SELECT month, sum(visits) AS value
FROM monthly_agency_visits
WHERE list_contains($sites, site) AND month BETWEEN $start AND $end
GROUP BY month
ORDER BY month;
