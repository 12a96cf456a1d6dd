-- Accounts and roles. Passwords are kept only as argon2id hashes (salted, slow).
CREATE TABLE users (
    username              VARCHAR PRIMARY KEY,
    password_hash         VARCHAR,                  -- NULL for accounts that only log in via OIDC
    role                  VARCHAR NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    must_change_password  BOOLEAN NOT NULL DEFAULT false,
    disabled              BOOLEAN NOT NULL DEFAULT false,
    created_at            TIMESTAMP NOT NULL DEFAULT current_timestamp,
    created_by            VARCHAR
);

-- Every login attempt, so failed ones can be rate-limited across sessions and processes.
CREATE TABLE login_attempts (
    username   VARCHAR NOT NULL,
    attempted_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    succeeded  BOOLEAN NOT NULL
);
