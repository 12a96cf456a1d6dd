-- The first and last day with survey answers at a site.
SELECT min(day) AS first_day, max(day) AS last_day, count(*) AS respondents
FROM skm_respondents
WHERE site = $site;
