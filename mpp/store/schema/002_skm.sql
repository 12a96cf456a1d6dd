-- Pantau MPP store, version 2: the satisfaction survey (SKM, PermenPANRB 14/2017).
-- Like the visit facts, rows are never updated in place: a load inserts rows tagged with its load_id
-- and a later load covering the same slice marks them superseded_by itself (see mpp/store/ledger.py).

-- One row per respondent: the nine unsur answers on the 1-4 scale and the demographics the survey asks.
-- Names, phone numbers, NIK and free-text suggestions are never stored: they identify people.
-- agency_id is NULL when a survey covers the whole mall rather than one agency's counter.
CREATE TABLE skm_responses (
    site_id        INTEGER NOT NULL REFERENCES sites (site_id),
    agency_id      INTEGER REFERENCES agencies (agency_id),
    day            DATE NOT NULL,                 -- the day the respondent answered
    respondent     VARCHAR NOT NULL,              -- the file's respondent id (or its row), for tracing
    sex            VARCHAR,
    age_band       VARCHAR,
    education      VARCHAR,
    occupation     VARCHAR,
    u1 TINYINT NOT NULL CHECK (u1 BETWEEN 1 AND 4),
    u2 TINYINT NOT NULL CHECK (u2 BETWEEN 1 AND 4),
    u3 TINYINT NOT NULL CHECK (u3 BETWEEN 1 AND 4),
    u4 TINYINT NOT NULL CHECK (u4 BETWEEN 1 AND 4),
    u5 TINYINT NOT NULL CHECK (u5 BETWEEN 1 AND 4),
    u6 TINYINT NOT NULL CHECK (u6 BETWEEN 1 AND 4),
    u7 TINYINT NOT NULL CHECK (u7 BETWEEN 1 AND 4),
    u8 TINYINT NOT NULL CHECK (u8 BETWEEN 1 AND 4),
    u9 TINYINT NOT NULL CHECK (u9 BETWEEN 1 AND 4),
    load_id        INTEGER NOT NULL,
    superseded_by  INTEGER
);

-- Published results: an index per unit (an agency, a kecamatan, the whole site) and period, as the
-- office printed it. Kept apart from raw answers because it cannot be recomputed: offices use 9 unsur
-- or their own 11 items (V1..V11), and print weighted item values, not answers.
CREATE TABLE skm_summaries (
    site_id        INTEGER NOT NULL REFERENCES sites (site_id),
    scope          VARCHAR NOT NULL CHECK (scope IN ('unit', 'total')),   -- total: the site's own row
    unit           VARCHAR NOT NULL,              -- as written: 'Pesanggaran', 'Banyuwangi'
    period         VARCHAR NOT NULL,              -- as the file names it: '2021', '2022 C'
    day            DATE NOT NULL,                 -- first day of the period's year (or month)
    ikm            DECIMAL(5, 2) NOT NULL CHECK (ikm BETWEEN 25 AND 100),
    published_grade VARCHAR,                      -- the letter the file prints, kept to compare
    item_count     INTEGER NOT NULL,              -- 9 unsur, or 11 items in some offices' surveys
    item_values    DECIMAL(6, 3)[],               -- the printed item values, in item order
    respondents    INTEGER,
    load_id        INTEGER NOT NULL,
    superseded_by  INTEGER
);

CREATE INDEX skm_responses_slice ON skm_responses (site_id, agency_id, day);
CREATE INDEX skm_summaries_slice ON skm_summaries (site_id, unit, period);
