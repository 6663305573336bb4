-- Review cycle, reminders and their delivery.
--
-- A reminder is an occurrence: one kind, one subject, one slot in time. Its key (notice.occurrence) is unique per
-- recipient, so however often the planner looks, each occurrence is written once; the mail that goes with it is
-- one row per notice, claimed by the dispatchers as a lease and sent under a Message-ID made from the notice.

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

-- 3. The inbox ------------------------------------------------------------------------------------------------------
create table notice (
    id         uuid primary key,
    tenant_id  uuid          not null references franchise (id),
    person_id  uuid          not null,
    kind       varchar(32)   not null,
    -- kind, subject and slot: the same occurrence is never written twice for one person
    occurrence varchar(200)  not null,
    -- what the text needs, as a JSON object of strings, rendered in the reader's language when read
    params     varchar(8000) not null default '{}',
    link       varchar(300),
    mandatory  boolean       not null,
    created_at timestamptz   not null,
    read_at    timestamptz,
    unique (tenant_id, id),
    unique (tenant_id, person_id, occurrence),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
-- the unique key serves the inbox too (a person's notices, found by its first two columns); no more indexes, as
-- a rollout writes one notice per person in one statement (docs/benchmarks.md, "Reminders and mail")

-- 4. Mail: one delivery per notice that goes out by mail, and what happened to it -------------------------------
create table mail_delivery (
    id              uuid primary key,
    tenant_id       uuid          not null references franchise (id),
    notice_id       uuid          not null unique,
    address         varchar(254)  not null,
    locale          varchar(8)    not null,
    -- stable per occurrence: a resend after a lost answer carries the same id (unique as its notice is)
    message_id      varchar(200)  not null,
    status          varchar(16)   not null check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    -- a claim is a lease: a dispatcher that died holds nothing once it has expired
    lease_until     timestamptz,
    lease_token     uuid,
    last_answer     varchar(1000),
    last_attempt_at timestamptz,
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    version         bigint        not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, notice_id) references notice (tenant_id, id)
);
create index mail_delivery_due_idx on mail_delivery (tenant_id, next_attempt_at) where status = 'QUEUED';
create index mail_delivery_failed_idx on mail_delivery (tenant_id, created_at desc) where status = 'FAILED';

create table mail_event (
    id          bigint generated always as identity primary key,
    tenant_id   uuid          not null references franchise (id),
    delivery_id uuid          not null,
    at          timestamptz   not null,
    event       varchar(16)   not null check (event in ('SENT', 'RETRY', 'FAILED', 'REQUEUED')),
    answer      varchar(1000),
    foreign key (tenant_id, delivery_id) references mail_delivery (tenant_id, id)
);
create index mail_event_delivery_idx on mail_event (tenant_id, delivery_id, at);

select enable_tenant_isolation('charter_review');
select enable_tenant_isolation('notice');
select enable_tenant_isolation('mail_delivery');
select enable_tenant_isolation('mail_event');

grant select, insert on charter_review to ${appRole};
grant select, insert, update on notice, mail_delivery to ${appRole};
grant select, insert on mail_event to ${appRole};
