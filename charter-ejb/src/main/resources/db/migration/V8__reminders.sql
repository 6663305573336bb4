-- Review cycle, reminders and their delivery.
--
-- A reminder is an occurrence: one kind, one subject, one slot in time. Its key (notice.occurrence) is unique per
-- recipient, so however often the planner looks, each occurrence is written once, with its mail; dispatchers claim
-- the mail as a lease and send it under a Message-ID made from the notice.

-- 1. Timings, per franchise ---------------------------------------------------------------------------------------
alter table franchise
    add column review_interval_months integer not null default 12 check (review_interval_months between 1 and 60),
    add column review_lead_days       integer not null default 30 check (review_lead_days between 0 and 180),
    add column assignment_lead_days   integer not null default 3  check (assignment_lead_days between 0 and 60),
    add column rollout_lead_days      integer not null default 7  check (rollout_lead_days between 0 and 60),
    add column reminder_hour          integer not null default 9  check (reminder_hour between 0 and 23),
    add column digest_day             integer not null default 1  check (digest_day between 1 and 7);

-- optional notices (digests, session reminders) can be kept to the inbox; mandatory ones always reach it
alter table person add column optional_by_mail boolean not null default true;

-- 2. Reviews of the charter in force -------------------------------------------------------------------------------
create table charter_review (
    id               uuid primary key,
    tenant_id        uuid          not null references franchise (id),
    version_id       uuid          not null,
    reviewed_at      timestamptz   not null default now(),
    reviewed_by      varchar(64)   not null,
    outcome          varchar(16)   not null check (outcome in ('NO_CHANGE', 'NEW_DRAFT')),
    note             varchar(2000) not null check (length(btrim(note)) > 0),
    draft_version_id uuid,
    version          bigint        not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id),
    foreign key (tenant_id, draft_version_id) references charter_version (tenant_id, id) on delete set null (draft_version_id)
);
create index charter_review_latest_idx on charter_review (tenant_id, reviewed_at desc);

-- 3. The inbox and its mail ----------------------------------------------------------------------------------------
-- One row per occurrence and person: the notice, and (when it goes out by mail) its mail's state, so that a rollout
-- to 100,000 people writes 100,000 rows in one statement and a dispatcher claims them where they are.
create table notice (
    id                uuid primary key,
    tenant_id         uuid          not null references franchise (id),
    person_id         uuid          not null,
    kind              varchar(32)   not null,
    -- kind, subject and slot: the same occurrence is never written twice for one person
    occurrence        varchar(200)  not null,
    -- what the text needs, as a JSON object of strings, rendered in the reader's language when read
    params            varchar(8000) not null default '{}',
    link              varchar(300),
    mandatory         boolean       not null,
    created_at        timestamptz   not null,
    read_at           timestamptz,
    -- the mail: none (inbox only) when the person has no address or keeps optional notices to the inbox.
    -- Its Message-ID is the notice's id at the public host: the same for every attempt.
    mail_address      varchar(254),
    mail_locale       varchar(8),
    mail_status       varchar(16)   check (mail_status in ('QUEUED', 'SENT', 'FAILED')),
    mail_attempts     integer       not null default 0,
    mail_next_at      timestamptz,
    -- a claim is a lease: a dispatcher that died holds nothing once it has expired
    mail_lease_until  timestamptz,
    mail_lease_token  uuid,
    mail_attempted_at timestamptz,
    mail_sent_at      timestamptz,
    mail_answer       varchar(1000),
    version           bigint        not null default 0,
    check ((mail_status is null) = (mail_address is null)),
    check (mail_status is distinct from 'QUEUED' or mail_next_at is not null),
    unique (tenant_id, id),
    unique (tenant_id, person_id, occurrence),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
-- the unique key serves the inbox too (a person's notices, found by its first two columns); beyond it only what
-- the dispatchers claim and what headquarters must see (docs/benchmarks.md, "Reminders and mail")
create index notice_mail_due_idx on notice (tenant_id, mail_next_at) where mail_status = 'QUEUED';
create index notice_mail_failed_idx on notice (tenant_id, created_at desc) where mail_status = 'FAILED';

-- 4. What happened to each mail: the delivery log ------------------------------------------------------------------
create table mail_event (
    id        bigint generated always as identity primary key,
    tenant_id uuid          not null references franchise (id),
    notice_id uuid          not null,
    at        timestamptz   not null,
    event     varchar(16)   not null check (event in ('SENT', 'RETRY', 'FAILED', 'REQUEUED')),
    answer    varchar(1000),
    foreign key (tenant_id, notice_id) references notice (tenant_id, id)
);
create index mail_event_notice_idx on mail_event (tenant_id, notice_id, at);

select enable_tenant_isolation('charter_review');
select enable_tenant_isolation('notice');
select enable_tenant_isolation('mail_event');

grant select, insert on charter_review to ${appRole};
grant select, insert, update on notice to ${appRole};
grant select, insert on mail_event to ${appRole};
