-- Rollout: every active person of every active store is assigned the frozen version, signs it, and the version
-- is published only when nobody is left open. The store x version roll-up is kept by statement-level triggers
-- in the same transaction as every change of an assignment, so boards and the gate read it, never recompute.

create table rollout (
    id            uuid primary key,
    tenant_id     uuid        not null references franchise (id),
    version_id    uuid        not null unique,
    deadline      date        not null,
    started_at    timestamptz not null default now(),
    started_by    varchar(64) not null,
    version       bigint      not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id)
);

create table assignment (
    id             uuid primary key,
    tenant_id      uuid        not null references franchise (id),
    version_id     uuid        not null,
    person_id      uuid        not null,
    store_id       uuid        not null,
    status         varchar(16) not null check (status in ('ASSIGNED', 'COMPLETED', 'EXCUSED')),
    due_date       date        not null,
    assigned_at    timestamptz not null default now(),
    completed_at   timestamptz,
    excused_reason varchar(500),
    excused_until  date,
    excused_by     varchar(64),
    version        bigint      not null default 0,
    unique (tenant_id, id),
    unique (tenant_id, version_id, person_id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id)
);
create index assignment_person_idx on assignment (tenant_id, person_id);
create index assignment_open_idx on assignment (tenant_id, version_id, store_id) where status = 'ASSIGNED';

-- The e-signature: evidence, never changed, never deleted.
create table acknowledgement (
    id             uuid primary key,
    tenant_id      uuid          not null references franchise (id),
    person_id      uuid          not null,
    version_id     uuid          not null,
    locale         varchar(8)    not null,
    content_sha256 char(64)      not null,
    statement      varchar(2000) not null,
    typed_name     varchar(120)  not null,
    signed_at      timestamptz   not null default now(),
    client_address varchar(64),
    user_agent     varchar(500),
    auth_method    varchar(32)   not null,
    version        bigint        not null default 0,
    -- one signature per person and version: a repeated submission finds the first one
    unique (tenant_id, person_id, version_id),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id)
);

create function stamp_signature() returns trigger language plpgsql as $$
begin
    new.signed_at := clock_timestamp();  -- the database's time, whatever the client sent
    return new;
end
$$;
create trigger acknowledgement_stamp before insert on acknowledgement
    for each row execute function stamp_signature();
create trigger acknowledgement_append_only before update or delete on acknowledgement
    for each row execute function refuse_change();
create trigger acknowledgement_no_truncate before truncate on acknowledgement
    for each statement execute function refuse_change();

-- A person with a signature or an assignment is never deleted (they are marked as having left instead).
create table compliance_rollup (
    tenant_id  uuid    not null references franchise (id),
    store_id   uuid    not null,
    version_id uuid    not null,
    required   integer not null default 0,
    completed  integer not null default 0,
    excused    integer not null default 0,
    open       integer not null default 0,
    primary key (tenant_id, version_id, store_id),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id)
);

create function rollup_assignments() returns trigger language plpgsql as $$
begin
    -- each changed row counts -1 in its old state and +1 in its new state; one upsert per store and version
    insert into compliance_rollup as r (tenant_id, store_id, version_id, required, completed, excused, open)
    select tenant_id, store_id, version_id, sum(d_required), sum(d_completed), sum(d_excused), sum(d_open)
    from (
        select tenant_id, store_id, version_id, 1 as d_required,
               (status = 'COMPLETED')::int as d_completed, (status = 'EXCUSED')::int as d_excused,
               (status = 'ASSIGNED')::int as d_open
        from changed_new
        union all
        select tenant_id, store_id, version_id, -1,
               -(status = 'COMPLETED')::int, -(status = 'EXCUSED')::int, -(status = 'ASSIGNED')::int
        from changed_old
    ) delta
    group by tenant_id, store_id, version_id
    on conflict (tenant_id, version_id, store_id) do update set
        required = r.required + excluded.required,
        completed = r.completed + excluded.completed,
        excused = r.excused + excluded.excused,
        open = r.open + excluded.open;
    return null;
end
$$;

-- on insert there is no old state: a simpler sum
create function rollup_assignments_insert() returns trigger language plpgsql as $$
begin
    insert into compliance_rollup as r (tenant_id, store_id, version_id, required, completed, excused, open)
    select tenant_id, store_id, version_id, count(*), count(*) filter (where status = 'COMPLETED'),
           count(*) filter (where status = 'EXCUSED'), count(*) filter (where status = 'ASSIGNED')
    from changed_new group by tenant_id, store_id, version_id
    on conflict (tenant_id, version_id, store_id) do update set
        required = r.required + excluded.required,
        completed = r.completed + excluded.completed,
        excused = r.excused + excluded.excused,
        open = r.open + excluded.open;
    return null;
end
$$;

create trigger assignment_rollup_insert after insert on assignment
    referencing new table as changed_new for each statement execute function rollup_assignments_insert();
create trigger assignment_rollup_update after update on assignment
    referencing old table as changed_old new table as changed_new
    for each statement execute function rollup_assignments();
create trigger assignment_no_delete before delete on assignment
    for each row execute function refuse_change();

-- From here on, one function puts a table under the tenant lock (V1 and V2 spelled it out before it existed).
create function enable_tenant_isolation(tenant_table regclass) returns void language plpgsql as $$
begin
    execute format('alter table %s enable row level security', tenant_table);
    execute format('alter table %s force row level security', tenant_table);
    -- current_setting(..., true) is '' (not NULL) after a transaction-local setting ended: hence NULLIF
    execute format('create policy tenant_isolation on %s
                        using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)
                        with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
                   tenant_table);
end
$$;

select enable_tenant_isolation('rollout');
select enable_tenant_isolation('assignment');
select enable_tenant_isolation('acknowledgement');
select enable_tenant_isolation('compliance_rollup');

grant select, insert, update on rollout, assignment to ${appRole};
grant select, insert on acknowledgement to ${appRole};
-- the roll-up is written by the triggers, which run as the application role
grant select, insert, update on compliance_rollup to ${appRole};
