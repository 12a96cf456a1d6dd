-- Sites with survey data: raw answers or published indices.
SELECT site FROM skm_respondents
UNION
SELECT site FROM skm_published;
