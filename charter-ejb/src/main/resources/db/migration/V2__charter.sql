-- The charter: versions of typed sections, their text per language, structured service standards, and the
-- canonical rendering stored when a version is frozen. A version that left DRAFT never changes again: the
-- triggers below refuse it for every role, the owner included (only a superuser disabling them could).

create table charter_version (
    id             uuid primary key,
    tenant_id      uuid         not null references franchise (id),
    number         integer      not null check (number > 0),
    status         varchar(16)  not null check (status in ('DRAFT', 'FROZEN', 'ROLLOUT', 'PUBLISHED', 'SUPERSEDED')),
    source_locale  varchar(8)   not null,
    change_summary varchar(2000),
    created_at     timestamptz  not null default now(),
    edited_at      timestamptz  not null default now(),
    frozen_at      timestamptz,
    effective_date date,
    published_at   timestamptz,
    version        bigint       not null default 0,
    unique (tenant_id, id),
    unique (tenant_id, number)
);
-- one draft, one version on its way to the stores (frozen or in rollout), one in force, per franchise
create unique index charter_version_one_draft on charter_version (tenant_id) where status = 'DRAFT';
create unique index charter_version_one_rollout on charter_version (tenant_id) where status in ('FROZEN', 'ROLLOUT');
create unique index charter_version_one_in_force on charter_version (tenant_id) where status = 'PUBLISHED';

create table charter_section (
    id          uuid primary key,
    tenant_id   uuid        not null references franchise (id),
    version_id  uuid        not null,
    kind        varchar(32) not null,
    position    integer     not null,
    visibility  varchar(16) not null check (visibility in ('PUBLIC', 'INTERNAL')),
    version     bigint      not null default 0,
    unique (tenant_id, id),
    unique (version_id, kind),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id) on delete cascade
);

create table section_text (
    id          uuid primary key,
    tenant_id   uuid         not null references franchise (id),
    section_id  uuid         not null,
    locale      varchar(8)   not null,
    title       varchar(200) not null,
    body        text         not null,
    source_hash char(64),
    version     bigint       not null default 0,
    unique (section_id, locale),
    foreign key (tenant_id, section_id) references charter_section (tenant_id, id) on delete cascade
);

create table service_standard (
    id           uuid primary key,
    tenant_id    uuid        not null references franchise (id),
    section_id   uuid        not null,
    channel      varchar(16) not null,
    target_value integer     not null check (target_value > 0),
    target_unit  varchar(16) not null check (target_unit in ('SECONDS', 'MINUTES', 'HOURS', 'DAYS')),
    position     integer     not null,
    version      bigint      not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, section_id) references charter_section (tenant_id, id) on delete cascade
);

create table standard_text (
    id          uuid primary key,
    tenant_id   uuid         not null references franchise (id),
    standard_id uuid         not null,
    locale      varchar(8)   not null,
    promise     varchar(500) not null,
    source_hash char(64),
    version     bigint       not null default 0,
    unique (standard_id, locale),
    foreign key (tenant_id, standard_id) references service_standard (tenant_id, id) on delete cascade
);

create table version_rendering (
    id          uuid primary key,
    tenant_id   uuid       not null references franchise (id),
    version_id  uuid       not null,
    locale      varchar(8) not null,
    canonical   text       not null,
    sha256      char(64)   not null,
    version     bigint     not null default 0,
    unique (version_id, locale),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id)
);

create index charter_section_version_idx on charter_section (tenant_id, version_id);
create index section_text_section_idx on section_text (tenant_id, section_id);
create index service_standard_section_idx on service_standard (tenant_id, section_id);
create index standard_text_standard_idx on standard_text (tenant_id, standard_id);

-- Content may change only while its version is a draft ---------------------------------------------------

create function charter_version_status(of_version uuid) returns varchar language sql stable as $$
    select status from charter_version where id = of_version
$$;

create function refuse_frozen_content() returns trigger language plpgsql as $$
declare
    row_version uuid;
    current_status varchar;
begin
    if tg_table_name = 'charter_section' then
        row_version := coalesce(new.version_id, old.version_id);
    elsif tg_table_name = 'section_text' then
        select version_id into row_version from charter_section where id = coalesce(new.section_id, old.section_id);
    elsif tg_table_name = 'service_standard' then
        select version_id into row_version from charter_section where id = coalesce(new.section_id, old.section_id);
    else
        select s.version_id into row_version from service_standard st join charter_section s on s.id = st.section_id
            where st.id = coalesce(new.standard_id, old.standard_id);
    end if;
    current_status := charter_version_status(row_version);
    -- a whole draft may be discarded: its rows go with it by cascade
    if current_status is not null and current_status <> 'DRAFT' then
        raise exception 'charter version % is % and can no longer change', row_version, current_status
            using errcode = '42501';
    end if;
    return coalesce(new, old);
end
$$;

create trigger charter_section_frozen before insert or update or delete on charter_section
    for each row execute function refuse_frozen_content();
create trigger section_text_frozen before insert or update or delete on section_text
    for each row execute function refuse_frozen_content();
create trigger service_standard_frozen before insert or update or delete on service_standard
    for each row execute function refuse_frozen_content();
create trigger standard_text_frozen before insert or update or delete on standard_text
    for each row execute function refuse_frozen_content();

-- A version's own fields: only its status moves on, forward; only a draft can be deleted.
create function guard_charter_version() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'DRAFT' then
            raise exception 'charter version % is % and cannot be deleted', old.id, old.status using errcode = '42501';
        end if;
        return old;
    end if;
    if old.status <> 'DRAFT' then
        if new.number <> old.number or new.source_locale <> old.source_locale
                or new.change_summary is distinct from old.change_summary
                or new.frozen_at is distinct from old.frozen_at
                or new.edited_at <> old.edited_at
                or (old.status in ('PUBLISHED', 'SUPERSEDED') and (new.effective_date is distinct from old.effective_date
                    or new.published_at is distinct from old.published_at)) then
            raise exception 'charter version % is % and can no longer change', old.id, old.status
                using errcode = '42501';
        end if;
    end if;
    if new.status <> old.status and not (
            (old.status = 'DRAFT' and new.status = 'FROZEN')
            or (old.status = 'FROZEN' and new.status = 'ROLLOUT')
            or (old.status = 'ROLLOUT' and new.status = 'PUBLISHED')
            or (old.status = 'PUBLISHED' and new.status = 'SUPERSEDED')) then
        raise exception 'charter version % cannot go from % to %', old.id, old.status, new.status
            using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger charter_version_guard before update or delete on charter_version
    for each row execute function guard_charter_version();

create trigger version_rendering_append_only before update or delete on version_rendering
    for each row execute function refuse_change();

do $$
declare
    t text;
begin
    foreach t in array array['charter_version', 'charter_section', 'section_text', 'service_standard',
                             'standard_text', 'version_rendering'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I
                            using (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)
                            with check (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    end loop;
end
$$;

grant select, insert, update, delete on charter_version, charter_section, section_text, service_standard,
    standard_text to ${appRole};
grant select, insert on version_rendering to ${appRole};
