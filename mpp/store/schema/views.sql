-- Public views: a contract. Analysts query them from DuckDB or Excel and scripts rely on their names and
-- columns. Only rows of live loads count (superseded_by IS NULL); daily rows roll up to their month.

CREATE OR REPLACE VIEW monthly_agency_visits AS
SELECT s.name AS site,
       a.name AS agency,
       CAST(date_trunc('month', v.day) AS DATE) AS month,
       CAST(sum(v.visits) AS BIGINT) AS visits
FROM service_visits v
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE v.superseded_by IS NULL
GROUP BY ALL;

CREATE OR REPLACE VIEW monthly_site_visitors AS
SELECT s.name AS site,
       CAST(date_trunc('month', v.day) AS DATE) AS month,
       CAST(sum(v.visitors) AS BIGINT) AS visitors
FROM site_visitors v
JOIN sites s USING (site_id)
WHERE v.superseded_by IS NULL
GROUP BY ALL;

-- Daily figures where a site reports them (queue exports, daily CSV); the working-day figures use these.
CREATE OR REPLACE VIEW daily_agency_visits AS
SELECT s.name AS site, a.name AS agency, v.day, CAST(sum(v.visits) AS BIGINT) AS visits
FROM service_visits v
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE v.superseded_by IS NULL AND v.grain = 'day'
GROUP BY ALL;

-- Satisfaction survey (SKM): live respondents with names, every answer in long form (one row per
-- respondent and unsur), and the published indices. agency is NULL for a survey of the whole mall.
CREATE OR REPLACE VIEW skm_respondents AS
SELECT s.name AS site, a.name AS agency, r.day, r.respondent, r.sex, r.age_band, r.education,
       r.occupation, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9, r.load_id
FROM skm_responses r
JOIN sites s USING (site_id)
LEFT JOIN agencies a USING (agency_id)
WHERE r.superseded_by IS NULL;

CREATE OR REPLACE VIEW skm_answers AS
SELECT site, agency, day, respondent, sex, age_band, education, occupation,
       upper(unsur) AS unsur, answer
FROM skm_respondents
UNPIVOT (answer FOR unsur IN (u1, u2, u3, u4, u5, u6, u7, u8, u9));

CREATE OR REPLACE VIEW skm_published AS
SELECT s.name AS site, p.scope, p.unit, p.period, p.day, p.ikm, p.published_grade, p.item_count,
       p.item_values, p.respondents, p.load_id
FROM skm_summaries p
JOIN sites s USING (site_id)
WHERE p.superseded_by IS NULL;

-- Online cancellations and no-shows per agency and month, where queue systems report them.
CREATE OR REPLACE VIEW monthly_queue_outcomes AS
SELECT s.name AS site, a.name AS agency, CAST(date_trunc('month', q.day) AS DATE) AS month,
       CAST(sum(q.cancelled) AS BIGINT) AS cancelled, CAST(sum(q.no_show) AS BIGINT) AS no_show
FROM queue_outcomes q
JOIN sites s USING (site_id)
JOIN agencies a USING (agency_id)
WHERE q.superseded_by IS NULL
GROUP BY ALL;
