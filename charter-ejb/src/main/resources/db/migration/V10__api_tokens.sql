-- API tokens: how a franchise's other systems call /api/v1.
--
-- Like account, a token is a credential, looked up by its hash before any tenant is known, so the table is a
-- platform table keyed by franchise_id and not under the tenant policy. Every query of the application names the
-- caller's franchise; the token itself decides that franchise, nothing in the request does.

create table api_token (
    id           uuid primary key,
    franchise_id uuid         not null references franchise (id),
    name         varchar(80)  not null check (length(trim(name)) > 0),
    -- comma-separated: READ, WRITE_PEOPLE, WRITE_STORES
    scopes       varchar(64)  not null check (scopes ~ '^(READ|WRITE_PEOPLE|WRITE_STORES)(,(READ|WRITE_PEOPLE|WRITE_STORES))*$'),
    -- SHA-256 of the whole token, hex; the token is shown once and never stored
    token_hash   char(64)     not null unique,
    -- the first characters of the token, so that people can tell their tokens apart
    prefix       varchar(16)  not null,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    revoked_by   varchar(64),
    last_used_at timestamptz,
    check (expires_at > created_at),
    check ((revoked_at is null) = (revoked_by is null))
);
create index api_token_franchise_idx on api_token (franchise_id, created_at);

grant select, insert, update on api_token to ${appRole};
