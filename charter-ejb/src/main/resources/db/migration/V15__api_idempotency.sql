-- Idempotency keys of the API's POST calls: a client that sends the same Idempotency-Key again (after a timeout,
-- say) gets the first answer again instead of a second effect. Keyed like api_token by franchise (a platform
-- table; every query names the caller's franchise) and by the caller (the token's name in the audit trail). The
-- answer is kept sealed, since it may hold a one-time code; keys are forgotten after a day.

create table api_idempotency (
    franchise_id uuid          not null references franchise (id),
    caller       varchar(64)   not null,
    idem_key     varchar(255)  not null,
    -- SHA-256 of what was asked (method, path, body): the same key with another request is refused
    fingerprint  char(64)      not null,
    status_code  integer       not null,
    response     varchar(4000) not null check (response like 'sealed1:%'),
    created_at   timestamptz   not null default now(),
    primary key (franchise_id, caller, idem_key)
);
create index api_idempotency_created_idx on api_idempotency (franchise_id, created_at);

grant select, insert, update, delete on api_idempotency to ${appRole};
