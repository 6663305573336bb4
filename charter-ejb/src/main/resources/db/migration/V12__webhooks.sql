-- Webhooks: endpoints HQ registers for events, and each event's delivery to each endpoint, sent and retried
-- the way reminder mails are (a claim is a lease, capped exponential back-off, failed for good after the last try).

create table webhook (
    id         uuid primary key,
    tenant_id  uuid         not null references franchise (id),
    url        varchar(500) not null check (url ~ '^https?://'),
    -- comma-separated event types
    events     varchar(200) not null check (length(events) > 0),
    -- the signing secret, whsec_ and base64; the receiver holds the same (see docs/security.md)
    secret     varchar(100) not null,
    active     boolean      not null default true,
    created_by varchar(64)  not null,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0,
    unique (tenant_id, id)
);
create index webhook_active_idx on webhook (tenant_id) where active;

create table webhook_delivery (
    id           uuid primary key,
    tenant_id    uuid          not null references franchise (id),
    webhook_id   uuid          not null,
    event        varchar(40)   not null,
    -- the body exactly as sent, every attempt the same; its id (webhook-id) is this row's
    payload      varchar(8000) not null,
    created_at   timestamptz   not null default now(),
    status       varchar(16)   not null check (status in ('QUEUED', 'DELIVERED', 'FAILED')),
    attempts     integer       not null default 0,
    next_at      timestamptz,
    lease_until  timestamptz,
    lease_token  uuid,
    attempted_at timestamptz,
    delivered_at timestamptz,
    answer       varchar(1000),
    -- for events the planning round finds (a deadline passed): written once per endpoint and occurrence
    occurrence   varchar(200),
    version      bigint        not null default 0,
    check (status <> 'QUEUED' or next_at is not null),
    unique (tenant_id, id),
    foreign key (tenant_id, webhook_id) references webhook (tenant_id, id)
);
create index webhook_delivery_due_idx on webhook_delivery (tenant_id, next_at) where status = 'QUEUED';
create index webhook_delivery_log_idx on webhook_delivery (tenant_id, created_at);
create unique index webhook_delivery_occurrence_uq on webhook_delivery (tenant_id, webhook_id, occurrence)
    where occurrence is not null;

select enable_tenant_isolation('webhook');
select enable_tenant_isolation('webhook_delivery');

grant select, insert, update on webhook to ${appRole};
grant select, insert, update on webhook_delivery to ${appRole};
