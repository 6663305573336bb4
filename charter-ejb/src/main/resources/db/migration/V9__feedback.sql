-- Customer feedback and complaints, their deadlines, and corrective actions on employees.
--
-- A complaint is measured against the promise the charter in force made for the channel it came through: the
-- standards of the complaints section for that channel (the first is the first response, a second one the
-- resolution), counted in the store's own hours for that channel. The deadlines are kept as instants, moved on
-- when the clock stops while the store waits for the customer; the version and standards used are kept with it.

-- 1. How long a customer's contact data is kept after the case closed ------------------------------------------
alter table franchise
    add column contact_retention_months integer not null default 12 check (contact_retention_months between 1 and 120);

-- 2. Feedback ------------------------------------------------------------------------------------------------------
create table feedback (
    id                     uuid primary key,
    tenant_id              uuid          not null references franchise (id),
    store_id               uuid          not null,
    -- read out on the phone: eight characters of an alphabet without look-alikes, drawn at random
    reference              varchar(12)   not null,
    -- the status page's link carries a secret; only its SHA-256 is kept
    secret_sha256          char(64)      not null,
    kind                   varchar(16)   not null check (kind in ('COMPLIMENT', 'SUGGESTION', 'COMPLAINT')),
    channel                varchar(16)   not null,
    version_id             uuid,
    section_id             uuid,
    rating                 smallint      check (rating between 1 and 5),
    message                varchar(4000) not null check (length(btrim(message)) > 0),
    served_by              varchar(120),
    contact_name           varchar(120),
    contact_email          varchar(254),
    contact_phone          varchar(40),
    consent                boolean       not null default false,
    locale                 varchar(8)    not null,
    status                 varchar(16)   not null
        check (status in ('NEW', 'ACKNOWLEDGED', 'WAITING', 'RESOLVED', 'CLOSED')),
    received_at            timestamptz   not null,
    -- the promises measured against (null: the charter made none for this channel)
    response_standard_id   uuid,
    resolution_standard_id uuid,
    response_target        varchar(32),
    resolution_target      varchar(32),
    hours                  varchar(200),
    time_zone              varchar(64)   not null,
    response_warn_at       timestamptz,
    response_due_at        timestamptz,
    resolution_warn_at     timestamptz,
    resolution_due_at      timestamptz,
    responded_at           timestamptz,
    resolved_at            timestamptz,
    closed_at              timestamptz,
    waiting_since          timestamptz,
    replied                boolean       not null default false,
    reply_rating           smallint      check (reply_rating between 1 and 5),
    erased_at              timestamptz,
    version                bigint        not null default 0,
    check (consent or (contact_name is null and contact_email is null and contact_phone is null)),
    unique (tenant_id, id),
    unique (tenant_id, reference),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id)
);
create index feedback_store_idx on feedback (tenant_id, store_id, received_at desc);
create index feedback_received_idx on feedback (tenant_id, received_at);
create index feedback_open_idx on feedback (tenant_id, response_due_at, resolution_due_at)
    where status in ('NEW', 'ACKNOWLEDGED');
create index feedback_erasable_idx on feedback (tenant_id, closed_at) where erased_at is null and consent;
create index feedback_contact_idx on feedback (tenant_id, lower(contact_email)) where contact_email is not null;

-- Headquarters' overview reads sums per store, month (in the franchise's zone), kind and section instead of every
-- piece of feedback. Any write to feedback marks its store and month as changed, at commit (a deferred trigger,
-- so the mark's row is held only while committing); the overview first sums the marked groups again from
-- feedback, then reads the sums. Only the time-bound part (open complaints past their deadline) is read live.
create table feedback_changed (
    tenant_id uuid   not null references franchise (id),
    store_id  uuid   not null,
    month     date   not null,
    marks     bigint not null default 1,
    primary key (tenant_id, store_id, month)
);

create table feedback_month (
    tenant_id          uuid             not null references franchise (id),
    store_id           uuid             not null,
    month              date             not null,
    kind               varchar(16)      not null,
    section_id         uuid,
    total              bigint           not null,
    response_measured  bigint           not null,
    response_met       bigint           not null,
    resolution_measured bigint          not null,
    resolution_met     bigint           not null,
    responded          bigint           not null,
    response_hours     double precision not null,
    resolved           bigint           not null,
    resolution_hours   double precision not null,
    reachable          bigint           not null,
    replied            bigint           not null,
    rated              bigint           not null,
    rating_sum         bigint           not null
);
create index feedback_month_idx on feedback_month (tenant_id, month, store_id);

create function feedback_mark_changed() returns trigger language plpgsql as $$
begin
    insert into feedback_changed (tenant_id, store_id, month)
    select new.tenant_id, new.store_id, date_trunc('month', new.received_at at time zone f.time_zone)::date
    from franchise f where f.id = new.tenant_id
    on conflict (tenant_id, store_id, month) do update set marks = feedback_changed.marks + 1;
    return null;
end
$$;

create constraint trigger feedback_changed_mark after insert or update on feedback
    deferrable initially deferred for each row execute function feedback_mark_changed();

-- the case's thread: internal notes, replies to the customer, the customer's answers, status changes
create table feedback_entry (
    id          uuid primary key,
    -- the order lines were written in, also within one instant (a status change and the answer that caused it)
    seq         bigint        generated always as identity,
    tenant_id   uuid          not null references franchise (id),
    feedback_id uuid          not null,
    kind        varchar(16)   not null check (kind in ('NOTE', 'REPLY', 'ANSWER', 'STATUS')),
    body        varchar(4000),
    status      varchar(16),
    author      varchar(64),
    at          timestamptz   not null,
    version     bigint        not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, feedback_id) references feedback (tenant_id, id)
);
create index feedback_entry_idx on feedback_entry (tenant_id, feedback_id, seq);

-- 3. Corrective actions on an employee -------------------------------------------------------------------------
create table corrective_action (
    id             uuid primary key,
    tenant_id      uuid          not null references franchise (id),
    person_id      uuid          not null,
    store_id       uuid          not null,
    feedback_id    uuid,
    kind           varchar(16)   not null
        check (kind in ('COACHING', 'RETRAINING', 'WRITTEN_WARNING', 'FINAL_WARNING')),
    note           varchar(2000) not null check (length(btrim(note)) > 0),
    created_by     varchar(64)   not null,
    created_at     timestamptz   not null,
    -- a retraining: the version in force, the section in focus, the due date, and its signature when done
    version_id     uuid,
    section_id     uuid,
    due_date       date,
    completed_at   timestamptz,
    locale         varchar(8),
    content_sha256 char(64),
    statement      varchar(2000),
    typed_name     varchar(120),
    version        bigint        not null default 0,
    check (kind <> 'RETRAINING' or (version_id is not null and due_date is not null)),
    check ((completed_at is null) = (content_sha256 is null)),
    unique (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, feedback_id) references feedback (tenant_id, id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id)
);
create index corrective_action_person_idx on corrective_action (tenant_id, person_id, created_at);

-- 4. Mail to customers goes through the same engine: a notice without a person, never in anyone's inbox ------------
alter table notice alter column person_id drop not null;
create unique index notice_customer_uq on notice (tenant_id, occurrence) where person_id is null;

select enable_tenant_isolation('feedback');
select enable_tenant_isolation('feedback_entry');
select enable_tenant_isolation('corrective_action');
select enable_tenant_isolation('feedback_changed');
select enable_tenant_isolation('feedback_month');

grant select, insert, update on feedback to ${appRole};
grant select, insert, update on feedback_entry to ${appRole};
grant select, insert, update on corrective_action to ${appRole};
grant select, insert, update, delete on feedback_changed to ${appRole};
grant select, insert, delete on feedback_month to ${appRole};
