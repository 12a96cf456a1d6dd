-- Save a column mapping under its name for a site; the same name saved again replaces it (the caller
-- deletes it first, in the same transaction: an upsert needs a key, which the shared store has not).
INSERT INTO column_mappings (site, name, header, spec, saved_by, saved_at)
VALUES ($site, $name, $header, $spec, $saved_by, now())
