-- What is visible in the given slices, keyed 'measure|site|agency|YYYY-MM-DD' (agency '' where none).
SELECT site, measure, agency, month, value FROM (
    SELECT site, 'service_visits' AS measure, agency, month, visits AS value FROM monthly_agency_visits
    UNION ALL
    SELECT site, 'visitors', NULL, month, visitors FROM monthly_site_visitors
    UNION ALL
    SELECT site, 'skm_respondents', agency, CAST(date_trunc('month', day) AS DATE), count(*)
    FROM skm_respondents GROUP BY ALL
    UNION ALL
    SELECT s.name, 'closed_' || c.measure, NULL, c.day, CAST(c.closed AS INTEGER)
    FROM month_closures c JOIN sites s USING (site_id)
    WHERE c.superseded_by IS NULL
)
WHERE list_contains($keys, measure || '|' || site || '|' || coalesce(agency, '') || '|'
                           || CAST(month AS VARCHAR));
