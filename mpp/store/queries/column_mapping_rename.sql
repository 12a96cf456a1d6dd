-- Give a saved column mapping another name (its spec carries the name too); the caller checks first
-- that there is one by the old name (a DuckLake store has no UPDATE ... RETURNING).
UPDATE column_mappings
SET name = $new, spec = $spec, saved_by = $saved_by, saved_at = now()
WHERE site = $site AND name = $old
