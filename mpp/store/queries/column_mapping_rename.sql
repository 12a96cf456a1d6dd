-- Give a saved column mapping another name (its spec carries the name too); the number of rows
-- changed says whether there was one by the old name.
UPDATE column_mappings
SET name = $new, spec = $spec, saved_by = $saved_by, saved_at = now()
WHERE site = $site AND name = $old
RETURNING name
