-- Sum and number of answers per demographic group and unsur: dimension is sex, age_band, education
-- or occupation; a respondent who left one blank counts under '(tidak diisi)'.
SELECT dimension, coalesce(value, '(tidak diisi)') AS value, unsur, sum(answer) AS total,
       count(*) AS answers
FROM (SELECT * FROM skm_answers
      WHERE site = $site AND day BETWEEN $start AND $end AND ($agency IS NULL OR agency = $agency))
UNPIVOT INCLUDE NULLS (value FOR dimension IN (sex, age_band, education, occupation))
GROUP BY ALL
ORDER BY dimension, value, unsur;
