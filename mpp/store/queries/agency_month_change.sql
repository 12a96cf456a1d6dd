-- Service visits per agency in one month and in the same month a year earlier (the month in review):
-- an agency with figures in either month is listed; NULL where it has none in that month.
SELECT agency,
       CAST(sum(visits) FILTER (WHERE month = $month) AS BIGINT) AS visits,
       CAST(sum(visits) FILTER (WHERE month = $base_month) AS BIGINT) AS visits_same_month_last_year
FROM monthly_agency_visits
WHERE list_contains($sites, site) AND month IN ($month, $base_month)
GROUP BY agency
ORDER BY agency;
