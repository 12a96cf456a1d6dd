-- Login attempts record the client (its network address, '?' when unknown), so failed logins are
-- throttled per client and per (name, client) rather than per name alone: one client can no
-- longer lock a user out everywhere (mpp/access/accounts.py authenticate).
ALTER TABLE login_attempts ADD COLUMN client VARCHAR;
