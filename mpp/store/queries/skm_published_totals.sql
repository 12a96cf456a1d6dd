-- The site's own published index per period (the total row of each published table), oldest first.
SELECT period, unit, day, ikm, published_grade, item_count, item_values, respondents
FROM skm_published
WHERE site = $site AND scope = 'total'
ORDER BY day, period;
