-- What is visible in the given slices, keyed 'site|agency|YYYY-MM-DD' ('site||YYYY-MM-DD' for visitors).
SELECT site, 'service_visits' AS measure, agency, month, visits AS value
FROM monthly_agency_visits
WHERE list_contains($keys, site || '|' || agency || '|' || CAST(month AS VARCHAR))
UNION ALL
SELECT site, 'visitors', NULL, month, visitors
FROM monthly_site_visitors
WHERE list_contains($keys, site || '||' || CAST(month AS VARCHAR));
