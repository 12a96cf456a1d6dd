-- A login token names the version of its account's tokens (mpp/access/login_tokens.py); a log-out, a
-- password change or disabling the account bumps it, which ends every token issued before,
-- not only the cookie of the browser that logged out.
-- Added with its default, then made NOT NULL: DuckDB 1.4 (and DuckLake) cannot add a column with a
-- constraint in one statement; the existing accounts get the default 0 either way.
ALTER TABLE users ADD COLUMN token_version INTEGER DEFAULT 0;
ALTER TABLE users ALTER COLUMN token_version SET NOT NULL;
