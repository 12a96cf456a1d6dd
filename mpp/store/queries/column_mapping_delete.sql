-- Forget a saved column mapping; returns its name when there was one.
DELETE FROM column_mappings WHERE site = $site AND name = $name RETURNING name
