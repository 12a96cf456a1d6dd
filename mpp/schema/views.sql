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
