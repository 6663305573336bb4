-- Evidence: one unambiguous encoding for every hashed record, acknowledgements and quiz tries chained per
-- franchise in checkpoints, and the database itself refusing a completion without its signature and any write
-- to the roll-up by the application role.

-- 1. The canonical encoding ------------------------------------------------------------------------------------
-- A record is a list of text fields; each is written as <byte length>:<UTF-8 bytes>, a NULL as '-'. A length
-- never starts with '-', so the bytes read back into exactly one list of fields: two different records never
-- encode alike. The application has the same encoding (org.charter.service.evidence.CanonicalRecord) and checks
-- every hash with it, so a replaced function here cannot make a changed row look right.
create function evidence_field(value text) returns text language sql immutable parallel safe
    set search_path = pg_catalog as $$
    select case when value is null then '-' else octet_length(convert_to(value, 'UTF8'))::text || ':' || value end
$$;

create function evidence_record(variadic fields text[]) returns bytea language sql immutable parallel safe
    set search_path = pg_catalog, public as $$
    select convert_to(string_agg(public.evidence_field(f), '' order by n), 'UTF8')
    from unnest(fields) with ordinality as u(f, n)
$$;

-- 2. The audit chain, from here on hashed with the canonical encoding -------------------------------------------
-- Rows written so far keep the hash they were given (scheme 1: the fields joined with '|', NULLs left out);
-- every new row is scheme 2. The chain stays one chain: the first new row links to the last old one. The
-- boundary is the audit sequence's value now: the checker accepts scheme 1 only up to it, so no later row can be
-- passed off as an old one (and a row covered by a checkpoint cannot change its hash at all).
alter table audit_entry add column hash_scheme smallint not null default 1 check (hash_scheme in (1, 2));
alter table audit_entry alter column hash_scheme set default 2;

create table audit_hash_boundary (
    legacy_until bigint not null
);
insert into audit_hash_boundary (legacy_until)
    select case when is_called then last_value else 0 end from audit_entry_seq;
create trigger audit_hash_boundary_append_only before insert or update or delete on audit_hash_boundary
    for each row execute function refuse_change();
create trigger audit_hash_boundary_no_truncate before truncate on audit_hash_boundary
    for each statement execute function refuse_change();

create or replace function audit_entry_chain() returns trigger language plpgsql
    set search_path = pg_catalog, public as $$
declare
    previous char(64);
begin
    perform pg_advisory_xact_lock(hashtextextended('audit_entry:' || new.tenant_id::text, 0));
    select hash into previous from audit_entry where tenant_id = new.tenant_id order by seq desc limit 1;
    new.seq := nextval('audit_entry_seq');
    new.occurred_at := clock_timestamp();
    new.prev_hash := coalesce(previous, repeat('0', 64));
    new.hash_scheme := 2;
    new.hash := encode(sha256(evidence_record('audit_entry/2', new.prev_hash, new.tenant_id::text, new.id::text,
        new.seq::text, to_char(new.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), new.actor,
        new.action, new.subject_type, new.subject_id, new.detail)), 'hex');
    return new;
end
$$;

-- 3. Signatures and quiz tries: stamped with their transaction, chained in checkpoints -------------------------
-- Signing takes no lock: a row only records the id of the transaction that wrote it. A checkpoint later takes
-- every row whose transaction had ended before it began (ids below the oldest transaction still running), in
-- (transaction, id) order, and extends the franchise's running hash over them; no row can arrive later in a
-- range already taken. Rows written before this migration have no transaction id and open the first
-- checkpoint.
alter table acknowledgement add column recorded_xid xid8;
alter table quiz_attempt add column recorded_xid xid8;

create or replace function stamp_signature() returns trigger language plpgsql
    set search_path = pg_catalog, public as $$
begin
    new.signed_at := clock_timestamp();  -- the database's time, whatever the client sent
    new.recorded_xid := pg_current_xact_id();
    return new;
end
$$;

create function stamp_attempt() returns trigger language plpgsql
    set search_path = pg_catalog, public as $$
begin
    new.attempted_at := clock_timestamp();
    new.recorded_xid := pg_current_xact_id();
    return new;
end
$$;
create trigger quiz_attempt_stamp before insert on quiz_attempt
    for each row execute function stamp_attempt();

create index acknowledgement_chain_idx on acknowledgement (tenant_id, (coalesce(recorded_xid, '0'::xid8)), id);
create index quiz_attempt_chain_idx on quiz_attempt (tenant_id, (coalesce(recorded_xid, '0'::xid8)), id);

-- One checkpoint per franchise and step: what it covers of the audit trail, the signatures and the quiz tries
-- (count and running hash of each), the hash of the checkpoint before it, its own hash, and an HMAC keyed with
-- a secret the database never sees (charter.evidence.key). Rewriting a checkpoint needs that key.
create table evidence_checkpoint (
    id            uuid        primary key,
    tenant_id     uuid        not null references franchise (id),
    seq           bigint      not null check (seq > 0),
    created_at    timestamptz not null,
    xid_horizon   xid8        not null,
    audit_seq     bigint      not null,
    audit_count   bigint      not null,
    audit_head    char(64)    not null,
    ack_count     bigint      not null,
    ack_head      char(64)    not null,
    attempt_count bigint      not null,
    attempt_head  char(64)    not null,
    prev_head     char(64)    not null,
    head          char(64)    not null,
    key_id        char(16)    not null,
    hmac          char(64)    not null,
    version       bigint      not null default 0,
    unique (tenant_id, id),
    unique (tenant_id, seq)
);

-- The time is the database's: the application reads it in the same transaction, and it must be now.
create function check_checkpoint_time() returns trigger language plpgsql
    set search_path = pg_catalog, public as $$
begin
    if abs(extract(epoch from new.created_at - clock_timestamp())) > 60 then
        raise exception 'a checkpoint is stamped with the database''s time' using errcode = '22008';
    end if;
    return new;
end
$$;
create trigger evidence_checkpoint_time before insert on evidence_checkpoint
    for each row execute function check_checkpoint_time();
create trigger evidence_checkpoint_append_only before update or delete on evidence_checkpoint
    for each row execute function refuse_change();
create trigger evidence_checkpoint_no_truncate before truncate on evidence_checkpoint
    for each statement execute function refuse_change();

select enable_tenant_isolation('evidence_checkpoint');

-- 4. The publication gate rests on the database too ---------------------------------------------------------------
-- An assignment is COMPLETED only with its signature, inserted before it in the same transaction.
create function refuse_completion_without_signature() returns trigger language plpgsql
    set search_path = pg_catalog, public as $$
begin
    if not exists (select 1 from acknowledgement a
                   where a.tenant_id = new.tenant_id and a.person_id = new.person_id
                     and a.version_id = new.version_id) then
        raise exception 'assignment % cannot be COMPLETED without its acknowledgement', new.id
            using errcode = '23514';
    end if;
    return new;
end
$$;
create trigger assignment_completed_signed before insert or update on assignment
    for each row when (new.status = 'COMPLETED') execute function refuse_completion_without_signature();

-- The roll-up is written only by its triggers. They run as the owner role that defines them (SECURITY
-- DEFINER, with a fixed search path), so the application role keeps nothing but reading it. Row-level
-- security still holds inside them: they work in the caller's franchise.
alter function rollup_assignments() security definer set search_path = pg_catalog, public;
alter function rollup_assignments_insert() security definer set search_path = pg_catalog, public;
revoke execute on function rollup_assignments(), rollup_assignments_insert() from public;
revoke insert, update, delete, truncate on compliance_rollup from ${appRole};

-- 5. What the application role may do ------------------------------------------------------------------------------
grant select, insert on evidence_checkpoint to ${appRole};
grant select on audit_hash_boundary to ${appRole};
-- with migrations run as a separate step, the application checks at start-up that none is pending
grant select on flyway_schema_history to ${appRole};
