-- Forget a saved column mapping (the caller checks first that there is one: a DuckLake store has no
-- DELETE ... RETURNING).
DELETE FROM column_mappings WHERE site = $site AND name = $name
