-- Save a column mapping under its name for a site; the same name saved again replaces it.
INSERT INTO column_mappings (site, name, header, spec, saved_by)
VALUES ($site, $name, $header, $spec, $saved_by)
ON CONFLICT (site, name) DO UPDATE
SET header = excluded.header, spec = excluded.spec, saved_by = excluded.saved_by, saved_at = now()
