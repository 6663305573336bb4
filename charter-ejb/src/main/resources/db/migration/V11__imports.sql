-- CSV imports of staff and stores: the file HQ uploaded, kept between its preview and its apply (so that any
-- instance of a cluster can apply it) and afterwards as the record of what was imported, by whom and when.

create table import_file (
    id          uuid primary key,
    tenant_id   uuid         not null references franchise (id),
    kind        varchar(16)  not null check (kind in ('STAFF', 'STORES')),
    file_name   varchar(200),
    sha256      char(64)     not null,
    content     bytea        not null,
    line_count  integer      not null,
    error_count integer      not null,
    uploaded_by varchar(64)  not null,
    uploaded_at timestamptz  not null default now(),
    applied_at  timestamptz,
    created     integer,
    changed     integer,
    unchanged   integer,
    unique (tenant_id, id)
);
create index import_file_uploaded_idx on import_file (tenant_id, uploaded_at);

select enable_tenant_isolation('import_file');

grant select, insert, update on import_file to ${appRole};
