-- Sign-in hardening (docs/security.md):
-- failures are forgiven over time, counted from the last one, so nobody stays slowed down for good;
-- the credential generation goes up whenever a password, PIN or access changes, which ends every other session.
alter table account add column last_failed_at timestamptz;
alter table account add column credential_generation integer not null default 0;
