-- The files behind the live figures of the chosen sites, newest first (the source named in exports).
SELECT l.file_name, max(l.loaded_at) AS loaded_at
FROM loads l
WHERE l.status = 'loaded' AND list_contains($sites, l.site) AND l.measure <> 'skm'
GROUP BY l.file_name
ORDER BY loaded_at DESC, l.file_name;
