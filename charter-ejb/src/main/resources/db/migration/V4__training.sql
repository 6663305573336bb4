-- Training: a quiz per frozen version and language that must be passed before signing, excuses with a return
-- date, the franchise's due days, store training sessions with seats and attendance, and signatures given on a
-- manager's device during a session, confirmed with the signer's own PIN or password.

-- Days a new hire has to complete the version in force, and days after returning from leave.
alter table franchise
    add column new_hire_days integer not null default 14 check (new_hire_days between 1 and 365),
    add column return_days   integer not null default 7  check (return_days between 1 and 365);

-- People who leave stop counting: their open or excused assignments are withdrawn (kept, never deleted), and
-- come back if they are hired again.
alter table assignment drop constraint assignment_status_check;
alter table assignment add constraint assignment_status_check
    check (status in ('ASSIGNED', 'COMPLETED', 'EXCUSED', 'WITHDRAWN'));

create or replace function rollup_assignments() returns trigger language plpgsql as $$
begin
    -- each changed row counts -1 in its old state and +1 in its new state; one upsert per store and version
    insert into compliance_rollup as r (tenant_id, store_id, version_id, required, completed, excused, open)
    select tenant_id, store_id, version_id, sum(d_required), sum(d_completed), sum(d_excused), sum(d_open)
    from (
        select tenant_id, store_id, version_id, (status <> 'WITHDRAWN')::int as d_required,
               (status = 'COMPLETED')::int as d_completed, (status = 'EXCUSED')::int as d_excused,
               (status = 'ASSIGNED')::int as d_open
        from changed_new
        union all
        select tenant_id, store_id, version_id, -(status <> 'WITHDRAWN')::int,
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

create or replace function rollup_assignments_insert() returns trigger language plpgsql as $$
begin
    insert into compliance_rollup as r (tenant_id, store_id, version_id, required, completed, excused, open)
    select tenant_id, store_id, version_id, count(*) filter (where status <> 'WITHDRAWN'),
           count(*) filter (where status = 'COMPLETED'),
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

-- A short number an employee can type on a shared device instead of their password (hashed like passwords).
alter table account add column pin_hash varchar(200);

create table quiz (
    id         uuid primary key,
    tenant_id  uuid    not null references franchise (id),
    version_id uuid    not null,
    pass_mark  integer not null default 80 check (pass_mark between 1 and 100),
    version    bigint  not null default 0,
    unique (tenant_id, id),
    unique (tenant_id, version_id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id)
);

create table quiz_question (
    id         uuid primary key,
    tenant_id  uuid          not null references franchise (id),
    quiz_id    uuid          not null,
    locale     varchar(8)    not null,
    position   integer       not null,
    prompt     varchar(1000) not null check (length(btrim(prompt)) > 0),
    multiple   boolean       not null default false,
    version    bigint        not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, quiz_id) references quiz (tenant_id, id) on delete cascade
);
create index quiz_question_quiz_idx on quiz_question (tenant_id, quiz_id, locale, position);

create table quiz_choice (
    id          uuid primary key,
    tenant_id   uuid         not null references franchise (id),
    question_id uuid         not null,
    position    integer      not null,
    label       varchar(500) not null check (length(btrim(label)) > 0),
    correct     boolean      not null,
    version     bigint       not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, question_id) references quiz_question (tenant_id, id) on delete cascade
);
create index quiz_choice_question_idx on quiz_choice (tenant_id, question_id);

-- Once a version is in rollout, everyone must take the same quiz: its questions no longer change.
create function refuse_started_quiz() returns trigger language plpgsql as $$
declare
    row_version uuid;
    current_status varchar;
begin
    if tg_table_name = 'quiz' then
        row_version := coalesce(new.version_id, old.version_id);
    elsif tg_table_name = 'quiz_question' then
        select q.version_id into row_version from quiz q where q.id = coalesce(new.quiz_id, old.quiz_id);
    else
        select q.version_id into row_version from quiz_question qq join quiz q on q.id = qq.quiz_id
            where qq.id = coalesce(new.question_id, old.question_id);
    end if;
    current_status := charter_version_status(row_version);
    if current_status is not null and current_status not in ('DRAFT', 'FROZEN') then
        raise exception 'the quiz of charter version % is % and can no longer change', row_version, current_status
            using errcode = '42501';
    end if;
    return coalesce(new, old);
end
$$;
create trigger quiz_started before insert or update or delete on quiz
    for each row execute function refuse_started_quiz();
create trigger quiz_question_started before insert or update or delete on quiz_question
    for each row execute function refuse_started_quiz();
create trigger quiz_choice_started before insert or update or delete on quiz_choice
    for each row execute function refuse_started_quiz();

-- A session a store manager holds for their own store's people.
create table training_session (
    id               uuid primary key,
    tenant_id        uuid         not null references franchise (id),
    store_id         uuid         not null,
    version_id       uuid         not null,
    starts_at        timestamptz  not null,
    duration_minutes integer      not null check (duration_minutes between 5 and 480),
    place            varchar(300) not null check (length(btrim(place)) > 0),
    trainer          varchar(120) not null check (length(btrim(trainer)) > 0),
    capacity         integer      not null check (capacity between 1 and 200),
    cancelled        boolean      not null default false,
    created_by       varchar(64)  not null,
    created_at       timestamptz  not null default now(),
    version          bigint       not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, store_id) references store (tenant_id, id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id)
);
create index training_session_store_idx on training_session (tenant_id, store_id, starts_at);

create table session_seat (
    id         uuid primary key,
    tenant_id  uuid        not null references franchise (id),
    session_id uuid        not null,
    person_id  uuid        not null,
    invited_at timestamptz not null default now(),
    attended   boolean,
    version    bigint      not null default 0,
    unique (tenant_id, id),
    unique (tenant_id, session_id, person_id),
    foreign key (tenant_id, session_id) references training_session (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id)
);
create index session_seat_person_idx on session_seat (tenant_id, person_id);

-- Every try at the quiz, kept: score, pass, the choices given. Append-only like the signatures.
create table quiz_attempt (
    id           uuid primary key,
    tenant_id    uuid        not null references franchise (id),
    person_id    uuid        not null,
    version_id   uuid        not null,
    locale       varchar(8)  not null,
    correct      integer     not null,
    questions    integer     not null,
    passed       boolean     not null,
    answers      text        not null,
    session_id   uuid,
    attempted_at timestamptz not null default clock_timestamp(),
    version      bigint      not null default 0,
    unique (tenant_id, id),
    foreign key (tenant_id, person_id) references person (tenant_id, id),
    foreign key (tenant_id, version_id) references charter_version (tenant_id, id),
    foreign key (tenant_id, session_id) references training_session (tenant_id, id)
);
create index quiz_attempt_person_idx on quiz_attempt (tenant_id, person_id, version_id) where passed;
create trigger quiz_attempt_append_only before update or delete on quiz_attempt
    for each row execute function refuse_change();
create trigger quiz_attempt_no_truncate before truncate on quiz_attempt
    for each statement execute function refuse_change();

-- A signature given during a session names it.
alter table acknowledgement add column session_id uuid;
alter table acknowledgement
    add constraint acknowledgement_session_fk foreign key (tenant_id, session_id)
        references training_session (tenant_id, id);

select enable_tenant_isolation('quiz');
select enable_tenant_isolation('quiz_question');
select enable_tenant_isolation('quiz_choice');
select enable_tenant_isolation('training_session');
select enable_tenant_isolation('session_seat');
select enable_tenant_isolation('quiz_attempt');

grant select, insert, update, delete on quiz, quiz_question, quiz_choice to ${appRole};
grant select, insert, update on training_session to ${appRole};
grant select, insert, update, delete on session_seat to ${appRole};
grant select, insert on quiz_attempt to ${appRole};
