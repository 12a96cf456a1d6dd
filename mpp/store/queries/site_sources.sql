-- The files behind the live figures of the chosen sites, newest first (the source named in exports).
-- Closing or reopening a month is a ledger entry but no file: it is not a source.
SELECT l.file_name, max(l.loaded_at) AS loaded_at
FROM loads l
WHERE l.status = 'loaded' AND list_contains($sites, l.site) AND l.measure <> 'skm'
  AND l.layout NOT IN ('close_month', 'reopen_month')
GROUP BY l.file_name
ORDER BY loaded_at DESC, l.file_name;
