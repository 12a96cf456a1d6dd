-- Sum and number of answers per period ($grain: 'year' or 'month') and unsur, for the trend.
SELECT CAST(date_trunc($grain, day) AS DATE) AS period, unsur, sum(answer) AS total, count(*) AS answers
FROM skm_answers
WHERE site = $site AND day BETWEEN $start AND $end AND ($agency IS NULL OR agency = $agency)
GROUP BY ALL
ORDER BY period, unsur;
