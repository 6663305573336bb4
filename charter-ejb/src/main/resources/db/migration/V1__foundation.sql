-- Foundation: the tenant registry, sign-ins, organisation, people and the audit trail.
-- Runs as the owner role. ${appRole} is the application's role: it owns nothing, cannot bypass row-level
-- security, and gets only the privileges granted at the end of this file.

-- Platform tables: looked up before any tenant is known, so not tenant-filtered ---------------------------

create table franchise (
    id                uuid primary key,
    name              varchar(120) not null,
    slug              varchar(40)  not null unique check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
    default_locale    varchar(8)   not null,
    supported_locales varchar(64)  not null,
    time_zone         varchar(64)  not null,
    status            varchar(16)  not null check (status in ('ACTIVE', 'SUSPENDED')),
    created_at        timestamptz  not null default now(),
    version           bigint       not null default 0
);

-- Credentials only; names and everything personal live in person, which is tenant-owned.
create table account (
    id                    uuid primary key,
    franchise_id          uuid references franchise (id),
    username              varchar(64)  not null check (username = lower(username)),
    roles                 varchar(128) not null,
    password_hash         varchar(512),
    active                boolean      not null default true,
    failed_attempts       integer      not null default 0,
    locked_until          timestamptz,
    setup_code_hash       varchar(64),
    setup_code_expires_at timestamptz,
    created_at            timestamptz  not null default now(),
    version               bigint       not null default 0,
    -- platform administrators belong to no franchise; everybody else to exactly one
    check ((franchise_id is null) = (roles = 'PLATFORM_ADMIN'))
);
create unique index account_username_key on account (username);
create index account_franchise_idx on account (franchise_id);

-- Tenant tables: tenant_id on every row, unique keys that include it, foreign keys that cannot cross it --

create table region (
    id        uuid primary key,
    tenant_id uuid         not null references franchise (id),
    name      varchar(80)  not null,
    version   bigint       not null default 0,
    unique (tenant_id, id)
);
create unique index region_name_key on region (tenant_id, lower(name));

create table store (
    id          uuid primary key,
    tenant_id   uuid         not null references franchise (id),
    region_id   uuid,
    code        varchar(20)  not null,
    name        varchar(120) not null,
    street      varchar(160),
    postal_code varchar(20),
    city        varchar(80),
    country     char(2),
    time_zone   varchar(64)  not null,
    active      boolean      not null default true,
    version     bigint       not null default 0,
    unique (tenant_id, id),
    unique (tenant_id, code),
    foreign key (tenant_id, region_id) references region (tenant_id, id)
);
create index store_region_idx on store (tenant_id, region_id);

create table store_channel (
    id        uuid primary key,
    tenant_id uuid         not null references franchise (id),
    store_id  uuid         not null,
    kind      varchar(16)  not null check (kind in ('IN_PERSON', 'PHONE', 'EMAIL', 'POSTAL', 'SOCIAL', 'CHAT')),
    contact   varchar(254),
    hours     varchar(200),
    position  integer      not null,
    version   bigint       not null default 0,
    foreign key (tenant_id, store_id) references store (tenant_id, id) on delete cascade
);
create index store_channel_store_idx on store_channel (tenant_id, store_id);

create table person (
    id               uuid primary key,
    tenant_id        uuid         not null references franchise (id),
    account_id       uuid         not null unique references account (id),
    full_name        varchar(120) not null,
    employee_number  varchar(32),
    hire_date        date,
    status           varchar(16)  not null check (status in ('ACTIVE', 'ON_LEAVE', 'LEFT')),
    preferred_locale varchar(8)   not null,
    email            varchar(254),
    left_on          date,
    version          bigint       not null default 0,
    unique (tenant_id, id),
    unique (tenant_id, employee_number)
);

create table store_membership (
    id        uuid primary key,
    tenant_id uuid        not null references franchise (id),
    person_id uuid        not null,
    store_id  uuid        not null,
    role      varchar(16) not null check (role in ('MANAGER', 'STAFF')),
    version   bigint      not null default 0,
    unique (tenant_id, person_id, store_id),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);
create index store_membership_store_idx on store_membership (tenant_id, store_id, role);

-- The audit trail: append-only, stamped and hash-chained by the database --------------------------------

create table audit_entry (
    id           uuid primary key,
    tenant_id    uuid          not null references franchise (id),
    seq          bigint        not null unique,
    occurred_at  timestamptz   not null,
    actor        varchar(64)   not null,
    action       varchar(64)   not null,
    subject_type varchar(40)   not null,
    subject_id   varchar(64),
    detail       varchar(1000),
    prev_hash    char(64)      not null,
    hash         char(64)      not null,
    version      bigint        not null default 0
);
create sequence audit_entry_seq;
create index audit_entry_tenant_idx on audit_entry (tenant_id, seq desc);

-- Each row's hash covers its content and the hash of the franchise's previous row. The advisory lock
-- serialises writers per franchise, and the sequence number is drawn under it, so seq order is chain order.
create function audit_entry_chain() returns trigger language plpgsql as $$
declare
    previous char(64);
begin
    perform pg_advisory_xact_lock(hashtextextended('audit_entry:' || new.tenant_id::text, 0));
    select hash into previous from audit_entry where tenant_id = new.tenant_id order by seq desc limit 1;
    new.seq := nextval('audit_entry_seq');
    new.occurred_at := clock_timestamp();
    new.prev_hash := coalesce(previous, repeat('0', 64));
    new.hash := encode(sha256(convert_to(concat_ws('|', new.prev_hash, new.tenant_id, new.id, new.seq,
        to_char(new.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), new.actor, new.action,
        new.subject_type, new.subject_id, new.detail), 'UTF8')), 'hex');
    return new;
end
$$;
create trigger audit_entry_chain before insert on audit_entry
    for each row execute function audit_entry_chain();

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = '42501';
end
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function refuse_change();

-- Row-level security on every tenant table, for the owner too ------------------------------------------

do $$
declare
    t text;
begin
    foreach t in array array['region', 'store', 'store_channel', 'person', 'store_membership', 'audit_entry'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        -- current_setting(…, true) is '' (not NULL) after a transaction-local setting ended: hence NULLIF
        execute format('create policy tenant_isolation on %I
                            using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)
                            with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    end loop;
end
$$;

-- What the application role may do -----------------------------------------------------------------------

grant usage on schema public to ${appRole};
grant select, insert, update on franchise, account to ${appRole};
grant select, insert, update, delete on region, store, store_channel, person, store_membership to ${appRole};
grant select, insert on audit_entry to ${appRole};
grant usage on sequence audit_entry_seq to ${appRole};
