-- Column mappings (loaders/mapping.py): what an analyst taught about a sheet no layout recognises,
-- saved under a name for a site and applied to every later file whose header row is the same.
-- spec is the mapping's JSON (the same text `python -m loaders mapping export` writes); header is
-- its signature, the header row's cells normalized and joined by ' | ', to find it by. Only header
-- texts and choices are kept, never a value of the file (personal-data columns cannot be mapped).
CREATE TABLE column_mappings (
    site      VARCHAR NOT NULL,             -- the site's name, as loads name it
    name      VARCHAR NOT NULL,             -- unique per site; saving the same name replaces it
    header    VARCHAR NOT NULL,
    spec      VARCHAR NOT NULL,
    saved_by  VARCHAR NOT NULL,
    saved_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (site, name)
);
