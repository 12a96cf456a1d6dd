-- The periods a site's survey can be shown for, newest first: calendar years with answers, then the
-- periods of published tables as the files name them.
SELECT period FROM (
    SELECT DISTINCT CAST(year(day) AS VARCHAR) AS period, year(day) AS y, 0 AS published
    FROM skm_respondents WHERE site = $site
    UNION
    SELECT DISTINCT period, year(day) AS y, 1 AS published
    FROM skm_published WHERE site = $site AND scope = 'total'
)
ORDER BY published, y DESC, period DESC;
