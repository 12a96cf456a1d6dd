-- Pantau MPP store, version 1.
-- Facts are never updated in place: a load inserts rows tagged with its load_id, and a later load that
-- covers the same (site, agency, month) marks them superseded_by itself. Undo reverses exactly that.

CREATE SEQUENCE IF NOT EXISTS site_ids START 1;
CREATE SEQUENCE IF NOT EXISTS agency_ids START 1;
CREATE SEQUENCE IF NOT EXISTS load_ids START 1;

CREATE TABLE sites (
    site_id               INTEGER PRIMARY KEY DEFAULT nextval('site_ids'),
    name                  VARCHAR NOT NULL UNIQUE,
    kind                  VARCHAR NOT NULL DEFAULT 'mpp' CHECK (kind IN ('mpp', 'mini_mpp')),
    kabupaten_kota        VARCHAR,
    kecamatan             VARCHAR,
    province              VARCHAR,
    timezone              VARCHAR NOT NULL DEFAULT 'Asia/Jakarta'
                          CHECK (timezone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
    working_days_per_week INTEGER NOT NULL DEFAULT 5 CHECK (working_days_per_week IN (5, 6)),
    parent_site_id        INTEGER               -- a Mini MPP outlet belongs to its regency's MPP
);

CREATE TABLE agencies (
    agency_id   INTEGER PRIMARY KEY DEFAULT nextval('agency_ids'),
    name        VARCHAR NOT NULL UNIQUE,          -- canonical name as the press writes it: Disdukcapil
    long_name   VARCHAR,                          -- official name: Dinas Kependudukan dan Pencatatan Sipil
    level       VARCHAR NOT NULL DEFAULT 'lainnya' CHECK (level IN (
                    'pusat', 'provinsi', 'kabupaten_kota', 'bumn', 'bumd', 'bank', 'lainnya'))
);

-- alias_key is the normalised spelling (see loaders/normalize.py); alias keeps it as first seen.
CREATE TABLE agency_aliases (
    alias_key   VARCHAR PRIMARY KEY,
    alias       VARCHAR NOT NULL,
    agency_id   INTEGER NOT NULL REFERENCES agencies (agency_id),
    source      VARCHAR NOT NULL DEFAULT 'seed'   -- seed | analyst | load
);

CREATE TABLE loads (
    load_id      INTEGER PRIMARY KEY DEFAULT nextval('load_ids'),
    file_name    VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    layout       VARCHAR NOT NULL,
    measure      VARCHAR NOT NULL CHECK (measure IN ('service_visits', 'visitors', 'skm', 'mixed')),
    site         VARCHAR,
    period_from  DATE,
    period_to    DATE,
    rows         BIGINT NOT NULL DEFAULT 0,
    total        BIGINT NOT NULL DEFAULT 0,
    loaded_by    VARCHAR NOT NULL DEFAULT 'system',
    loaded_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    status       VARCHAR NOT NULL DEFAULT 'loaded' CHECK (status IN ('loaded', 'superseded', 'undone')),
    note         VARCHAR
);

-- Service visits (kunjungan layanan: queue tickets served) per agency, at day or month grain.
-- day is the date for daily rows and the first of the month for monthly rows.
CREATE TABLE service_visits (
    site_id        INTEGER NOT NULL REFERENCES sites (site_id),
    agency_id      INTEGER NOT NULL REFERENCES agencies (agency_id),
    day            DATE NOT NULL,
    grain          VARCHAR NOT NULL CHECK (grain IN ('day', 'month')),
    service        VARCHAR,                        -- NULL when the file gives agency totals only
    channel        VARCHAR CHECK (channel IN ('walk_in', 'online', 'jemput_bola', 'digital')),
    visits         BIGINT NOT NULL CHECK (visits >= 0),
    load_id        INTEGER NOT NULL,
    superseded_by  INTEGER
);

-- People entering the mall (pengunjung): a different measure from service visits, never divided by it.
CREATE TABLE site_visitors (
    site_id        INTEGER NOT NULL REFERENCES sites (site_id),
    day            DATE NOT NULL,
    grain          VARCHAR NOT NULL CHECK (grain IN ('day', 'month')),
    visitors       BIGINT NOT NULL CHECK (visitors >= 0),
    load_id        INTEGER NOT NULL,
    superseded_by  INTEGER
);

-- Office settings, e.g. default_site: the site the dashboard opens on.
CREATE TABLE settings (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR NOT NULL
);

CREATE INDEX service_visits_slice ON service_visits (site_id, agency_id, day);
CREATE INDEX site_visitors_slice ON site_visitors (site_id, day);
