-- A login token names the version of its account's tokens (mpp/access/login_tokens.py); a log-out, a
-- password change or disabling the account bumps it, which ends every token issued before,
-- not only the cookie of the browser that logged out.
ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
