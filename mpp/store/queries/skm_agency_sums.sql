-- Sum and number of answers per agency and unsur for a site over a period (agency NULL: whole mall).
SELECT agency, unsur, sum(answer) AS total, count(*) AS answers
FROM skm_answers
WHERE site = $site AND day BETWEEN $start AND $end
GROUP BY agency, unsur
ORDER BY agency NULLS FIRST, unsur;
