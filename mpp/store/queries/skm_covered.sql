-- The first and last day with survey answers at a site within a period ($agency NULL: every agency).
SELECT min(day) AS first_day, max(day) AS last_day
FROM skm_respondents
WHERE site = $site AND day BETWEEN $start AND $end AND ($agency IS NULL OR agency = $agency);
