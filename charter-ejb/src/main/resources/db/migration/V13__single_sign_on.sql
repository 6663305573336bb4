-- Single sign-on: each franchise may name one OpenID provider its people sign in with.
--
-- Read before anyone is signed in (the sign-in page only knows the franchise's slug), so like account and
-- api_token this is a platform table keyed by franchise_id, not under the tenant policy. The client secret is
-- sealed by the application with the operator's key (AES-GCM, see docs/security.md); the database never holds
-- it in the clear.

create table sso_connection (
    franchise_id  uuid primary key references franchise (id),
    issuer        varchar(255)  not null check (issuer ~ '^https?://'),
    client_id     varchar(200)  not null check (length(trim(client_id)) > 0),
    client_secret varchar(1000) not null check (client_secret like 'sealed1:%'),
    claim         varchar(64)   not null check (claim ~ '^[A-Za-z0-9_.:-]{1,64}$'),
    match_by      varchar(16)   not null check (match_by in ('EMAIL', 'EMPLOYEE_NUMBER', 'USERNAME')),
    enabled       boolean       not null,
    updated_by    varchar(64)   not null,
    updated_at    timestamptz   not null,
    version       bigint        not null default 0
);

grant select, insert, update on sso_connection to ${appRole};

-- Webhook signing secrets are sealed the same way from now on; the sealed form is longer than the secret.
-- Secrets written before are sealed by the application when it starts (WebhookSecretsAtRest).
alter table webhook alter column secret type varchar(300);
