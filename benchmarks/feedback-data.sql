-- One million pieces of customer feedback for the demo franchise, spread over its stores and the last twelve
-- months, as the product would have written them: a third each compliments, suggestions and complaints; complaints
-- measured against a 24-hour first response and a 3-day resolution, answered and resolved at varied times (some
-- late), most closed; some left an address, were replied to and rated the reply. Every store and month is marked
-- as changed, so the overview's first request sums them all.
-- Usage: psql -v rows=1000000 -f benchmarks/feedback-data.sql (as a superuser: it writes past row-level security)
\set ON_ERROR_STOP on
begin;
-- written past the change marks (one trigger call a row would take minutes); the groups are marked once below
set local session_replication_role = replica;
create temporary table demo as
    select f.id as tenant_id, v.id as version_id, f.time_zone
    from franchise f join charter_version v on v.tenant_id = f.id and v.status = 'PUBLISHED'
    where f.slug = 'demo';
create temporary table shops as
    select row_number() over (order by s.code) - 1 as n, s.id, s.time_zone from store s
    join demo d on d.tenant_id = s.tenant_id;
insert into feedback (id, tenant_id, store_id, reference, secret_sha256, kind, channel, version_id, rating, message,
                      contact_email, consent, locale, status, received_at, response_target, resolution_target, hours,
                      time_zone, response_warn_at, response_due_at, resolution_warn_at, resolution_due_at,
                      responded_at, resolved_at, closed_at, replied, reply_rating)
select gen_random_uuid(), d.tenant_id, s.id, 'B' || lpad(to_hex(g), 7, '0'), repeat('0', 64),
       k.kind, (array['IN_PERSON', 'PHONE', 'EMAIL', 'SOCIAL'])[1 + g % 4], d.version_id, 1 + g % 5,
       'Benchmark message ' || g, case when g % 7 = 0 then 'c' || g || '@bench.example' end, g % 7 = 0,
       (array['en', 'de', 'el', 'lv', 'ms'])[1 + g % 5],
       case when r.at > now() - interval '3 days' then 'NEW' when g % 10 = 0 then 'RESOLVED' else 'CLOSED' end,
       r.at,
       case when k.kind = 'COMPLAINT' then '24 HOURS' end, case when k.kind = 'COMPLAINT' then '3 DAYS' end,
       case when k.kind = 'COMPLAINT' then '24/7' end, s.time_zone,
       case when k.kind = 'COMPLAINT' then r.at + interval '19 hours 12 minutes' end,
       case when k.kind = 'COMPLAINT' then r.at + interval '24 hours' end,
       case when k.kind = 'COMPLAINT' then r.at + interval '57 hours 36 minutes' end,
       case when k.kind = 'COMPLAINT' then r.at + interval '72 hours' end,
       case when r.at <= now() - interval '3 days' then r.at + make_interval(hours => 1 + g % 30) end,
       case when r.at <= now() - interval '3 days' then r.at + make_interval(hours => 5 + g % 80) end,
       case when r.at <= now() - interval '3 days' and g % 10 <> 0 then r.at + interval '8 days' end,
       g % 7 = 0 and g % 2 = 0, case when g % 7 = 0 and g % 4 = 0 then 1 + g % 5 end
from generate_series(1, :rows) g
cross join demo d
join shops s on s.n = g % (select count(*) from shops)
cross join lateral (select (array['COMPLIMENT', 'SUGGESTION', 'COMPLAINT'])[1 + g % 3] as kind) k
cross join lateral (select now() - make_interval(secs => (g::bigint * 31536000 / :rows)::double precision) as at) r;
insert into feedback_changed (tenant_id, store_id, month)
select distinct f.tenant_id, f.store_id, date_trunc('month', f.received_at at time zone d.time_zone)::date
from feedback f join demo d on d.tenant_id = f.tenant_id
on conflict do nothing;
commit;
analyze feedback;
