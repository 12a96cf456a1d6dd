-- The column mappings saved for a site ($site), or for every site when $site is NULL: latest first.
SELECT site, name, spec, saved_by, saved_at
FROM column_mappings
WHERE $site IS NULL OR site = $site
ORDER BY saved_at DESC, site, name
