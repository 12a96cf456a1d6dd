-- Every unit's published index in one period ($period as the file names it, e.g. '2022 C').
SELECT unit, ikm, published_grade, item_count, item_values, respondents
FROM skm_published
WHERE site = $site AND scope = 'unit' AND period = $period
ORDER BY ikm DESC, unit;
