-- Online cancellations and no-shows over a period, per month or per agency ($by: 'month' | 'agency').
SELECT CASE WHEN $by = 'month' THEN CAST(month AS VARCHAR) ELSE agency END AS key,
       sum(cancelled) AS cancelled, sum(no_show) AS no_show
FROM monthly_queue_outcomes
WHERE list_contains($sites, site) AND month BETWEEN $start AND $end
GROUP BY key;
