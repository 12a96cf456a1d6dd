-- The original bytes of every loaded file, kept by their sha256 so a load can be downloaded again and
-- audited. Written in the same transaction as the load.
CREATE TABLE originals (
    sha256     VARCHAR PRIMARY KEY,
    file_name  VARCHAR NOT NULL,
    size       BIGINT NOT NULL,
    content    BLOB NOT NULL
);
