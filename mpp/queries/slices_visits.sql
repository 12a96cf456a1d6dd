-- Service visits visible in the given slices, each key written 'site|agency|YYYY-MM-DD'.
SELECT site, agency, month, visits
FROM monthly_agency_visits
WHERE list_contains($keys, site || '|' || agency || '|' || CAST(month AS VARCHAR));
