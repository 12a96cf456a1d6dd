-- People entering (pengunjung) per month, summed over the chosen sites.
SELECT month, sum(visitors) AS value
FROM monthly_site_visitors
WHERE list_contains($sites, site) AND month BETWEEN $start AND $end
GROUP BY month
ORDER BY month;
