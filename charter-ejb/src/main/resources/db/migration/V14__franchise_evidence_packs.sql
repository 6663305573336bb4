-- Evidence packs of a whole franchise for one version, built in the background: the job with its progress, and
-- the finished ZIP in chunks (so that any instance of a cluster can hand it out, and a restart loses nothing that
-- was finished). A job whose heartbeat stopped (its instance died) is shown as interrupted and can be asked again.

create table evidence_pack_job (
    id             uuid primary key,
    tenant_id      uuid         not null references franchise (id),
    version_number integer      not null check (version_number > 0),
    language       varchar(8)   not null,
    status         varchar(12)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    stores_total   integer      not null default 0,
    stores_done    integer      not null default 0,
    requested_by   varchar(64)  not null,
    requested_at   timestamptz  not null default now(),
    heartbeat_at   timestamptz  not null default now(),
    finished_at    timestamptz,
    size_bytes     bigint,
    sha256         char(64),
    problem        varchar(500),
    unique (tenant_id, id),
    check (stores_done between 0 and stores_total),
    check ((status = 'DONE') = (size_bytes is not null and sha256 is not null))
);
create index evidence_pack_job_requested_idx on evidence_pack_job (tenant_id, requested_at);

create table evidence_pack_chunk (
    tenant_id uuid    not null,
    job_id    uuid    not null,
    seq       integer not null check (seq >= 0),
    bytes     bytea   not null,
    primary key (job_id, seq),
    foreign key (tenant_id, job_id) references evidence_pack_job (tenant_id, id) on delete cascade
);

select enable_tenant_isolation('evidence_pack_job');
select enable_tenant_isolation('evidence_pack_chunk');

grant select, insert, update, delete on evidence_pack_job, evidence_pack_chunk to ${appRole};
