-- Generated data for the rollout benchmark, run as a superuser (row-level security does not apply) into a
-- database whose schema the application has migrated. One franchise :slug with 20 regions, :stores stores of
-- :per_store employees and a manager each, nine earlier versions everyone completed, and version 10 frozen with
-- a quiz, ready for its rollout. Every account's password hash is :pwhash; usernames are slug.store.n.
\set ON_ERROR_STOP on
begin;
insert into franchise (id, name, slug, default_locale, supported_locales, time_zone, status)
values (gen_random_uuid(), 'Benchmark ' || :'slug', :'slug', 'en', 'en', 'Europe/Berlin', 'ACTIVE');
select id as fid from franchise where slug = :'slug' \gset
-- the roll-up triggers run as the owner role, which row-level security holds: work inside the franchise
select set_config('app.tenant_id', :'fid', true);

insert into account (id, franchise_id, username, roles, password_hash)
values (gen_random_uuid(), :'fid'::uuid, :'slug' || '.hq', 'HQ_ADMIN', :'pwhash');
insert into person (id, tenant_id, account_id, full_name, status, preferred_locale)
select gen_random_uuid(), :'fid'::uuid, id, 'Headquarters', 'ACTIVE', 'en' from account where username = :'slug' || '.hq';

insert into region (id, tenant_id, name)
select gen_random_uuid(), :'fid'::uuid, 'Region ' || r from generate_series(1, 20) r;

insert into store (id, tenant_id, region_id, code, name, time_zone)
select gen_random_uuid(), :'fid'::uuid,
       (select id from region where tenant_id = :'fid'::uuid and name = 'Region ' || (1 + s % 20)),
       'S' || lpad(s::text, 4, '0'), 'Store ' || s, 'Europe/Berlin'
from generate_series(1, :stores) s;

-- people: per store one manager (p = 0) and :per_store staff
create temporary table staff on commit drop as
select gen_random_uuid() as account_id, gen_random_uuid() as person_id, st.id as store_id,
       :'slug' || '.' || lower(st.code) || '.' || p as username, p
from store st cross join generate_series(0, :per_store) p where st.tenant_id = :'fid'::uuid;

insert into account (id, franchise_id, username, roles, password_hash)
select account_id, :'fid'::uuid, username, case when p = 0 then 'STORE_MANAGER' else 'EMPLOYEE' end, :'pwhash'
from staff;
insert into person (id, tenant_id, account_id, full_name, status, preferred_locale)
select person_id, :'fid'::uuid, account_id, 'Person ' || username, 'ACTIVE', 'en' from staff;
insert into store_membership (id, tenant_id, person_id, store_id, role)
select gen_random_uuid(), :'fid'::uuid, person_id, store_id, case when p = 0 then 'MANAGER' else 'STAFF' end from staff;

-- nine earlier versions, completed by everyone
insert into charter_version (id, tenant_id, number, status, source_locale, change_summary, frozen_at, effective_date,
                             published_at)
select gen_random_uuid(), :'fid'::uuid, n, 'SUPERSEDED', 'en', 'Version ' || n, now(), current_date - (10 - n) * 30, now()
from generate_series(1, 9) n;
-- the database accepts a COMPLETED assignment only with its signature
insert into acknowledgement (id, tenant_id, person_id, version_id, locale, content_sha256, statement, typed_name,
                             auth_method)
select gen_random_uuid(), :'fid'::uuid, s.person_id, v.id, 'en', repeat('0', 64), 'Signed', 'Person ' || s.username,
       'PASSWORD'
from charter_version v cross join staff s where v.tenant_id = :'fid'::uuid;
insert into assignment (id, tenant_id, version_id, person_id, store_id, status, due_date, completed_at)
select gen_random_uuid(), :'fid'::uuid, v.id, s.person_id, s.store_id, 'COMPLETED', current_date, now()
from charter_version v cross join staff s where v.tenant_id = :'fid'::uuid;

-- version 10: one section in English, frozen, with its rendering and a one-question quiz
insert into charter_version (id, tenant_id, number, status, source_locale, change_summary)
values (gen_random_uuid(), :'fid'::uuid, 10, 'DRAFT', 'en', 'Version 10');
select id as vid from charter_version where tenant_id = :'fid'::uuid and number = 10 \gset
insert into charter_section (id, tenant_id, version_id, kind, position, visibility)
values (gen_random_uuid(), :'fid'::uuid, :'vid'::uuid, 'PURPOSE', 1, 'PUBLIC');
insert into section_text (id, tenant_id, section_id, locale, title, body)
select gen_random_uuid(), :'fid'::uuid, id, 'en', 'Our promise', '<p>We serve every customer with care.</p>'
from charter_section where version_id = :'vid'::uuid;
insert into version_rendering (id, tenant_id, version_id, locale, canonical, sha256)
values (gen_random_uuid(), :'fid'::uuid, :'vid'::uuid, 'en', 'Our promise We serve every customer with care.',
        encode(sha256('Our promise We serve every customer with care.'::bytea), 'hex'));
update charter_version set status = 'FROZEN', frozen_at = now() where id = :'vid'::uuid;
insert into quiz (id, tenant_id, version_id, pass_mark) values (gen_random_uuid(), :'fid'::uuid, :'vid'::uuid, 80);
insert into quiz_question (id, tenant_id, quiz_id, locale, position, prompt, multiple)
select gen_random_uuid(), :'fid'::uuid, id, 'en', 1, 'Who answers a complaint?', false from quiz where version_id = :'vid'::uuid;
insert into quiz_choice (id, tenant_id, question_id, position, label, correct)
select gen_random_uuid(), :'fid'::uuid, id, 1, 'Whoever takes it', true from quiz_question where tenant_id = :'fid'::uuid
union all
select gen_random_uuid(), :'fid'::uuid, id, 2, 'Only the manager', false from quiz_question where tenant_id = :'fid'::uuid;
commit;
analyze;
