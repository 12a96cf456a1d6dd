-- Sum and number of answers per unsur for a site over a period; $agency NULL means every agency.
SELECT unsur, sum(answer) AS total, count(*) AS answers
FROM skm_answers
WHERE site = $site AND day BETWEEN $start AND $end AND ($agency IS NULL OR agency = $agency)
GROUP BY unsur
ORDER BY unsur;
