-- For --dry-run: live survey rows at a site in the months ($months) or published periods ($periods)
-- a file covers; more than 0 means loading it would replace them.
SELECT (SELECT count(*) FROM skm_respondents
        WHERE site = $site AND list_contains($months, CAST(date_trunc('month', day) AS DATE)))
     + (SELECT count(*) FROM skm_published WHERE site = $site AND list_contains($periods, period)) AS live;
