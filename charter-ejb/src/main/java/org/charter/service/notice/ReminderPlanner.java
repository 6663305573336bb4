package org.charter.service.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.config.QueryHints;

/**
 * Writes the notices that have fallen due for one franchise, with the mail that goes with each, in the caller's
 * transaction (already bound to the franchise). Each rule is one set-based statement.
 *
 * <p>Why it sends each reminder once, on time, and catches up once after downtime:
 * <ul>
 *   <li>an occurrence has a key (kind, subject and slot) that is unique per person in the database; however often
 *       a rule runs, on however many instances, an occurrence is written once, and its mail row with it;
 *   <li>a rule asks for the <em>latest</em> slot that has been reached, never every slot since the last run, so
 *       a weekly reminder missed for three weeks goes out once;
 *   <li>slots are local days at the franchise's reminder hour, reached when the wall clock in the store's (or the
 *       franchise's) zone has passed that hour: {@code (now at time zone zone − hour)::date} is the latest local
 *       day whose reminder hour has passed, so a day of 23 or 25 hours changes nothing;
 *   <li>{@code now} is given by the caller: the database's clock in production, any instant in tests.
 * </ul>
 */
@ApplicationScoped
public class ReminderPlanner {

    /** The latest local day (in zone {@code %s}) whose reminder hour has passed. */
    private static final String REACHED =
            "(cast(?2 as timestamptz) at time zone %s - make_interval(hours => f.reminder_hour))::date";

    private static final String HEADQUARTERS = "select p.id from person p join account ac on ac.id = p.account_id"
            + " where ac.active and p.status = 'ACTIVE' and position('HQ_ADMIN' in ac.roles) > 0";

    /**
     * The open assignments a rule looks at, read once into a materialized set before anything is joined to them: in
     * the rollout's own transaction the statistics know nothing of the 100,000 assignments it has just written, and
     * a planner that believes there is one row puts the assignment scan inside a loop (minutes instead of seconds).
     */
    private static String openAssignments(String window, String select, String where) {
        return "with a as materialized (select assignment.* from assignment"
                + " join franchise fr on fr.id = assignment.tenant_id where assignment.tenant_id = cast(?1 as uuid)"
                + " and assignment.status = 'ASSIGNED'" + window + ")"
                + " select " + select + " from a join franchise f on f.id = a.tenant_id"
                + " join person p on p.id = a.person_id and p.status = 'ACTIVE'"
                + " join store s on s.id = a.store_id"
                + " join charter_version v on v.id = a.version_id and v.status in ('ROLLOUT', 'PUBLISHED')"
                + " cross join lateral (select " + REACHED.formatted("s.time_zone") + " as reached) r"
                + " where true" + where;
    }

    private static final String ASSIGNMENT_PARAMS =
            "json_build_object('version', v.number::text, 'due', a.due_date::text)::text, '/app/training.xhtml'";

    private static final Map<NoticeKind, String> RULES = new EnumMap<>(NoticeKind.class);

    static {
        // told once, when the assignment is made: a rollout writes these in its own transaction, a hire or a return
        // gets it from the next round (within a day, so a planner that was down for hours still catches up)
        RULES.put(
                NoticeKind.TRAINING_ASSIGNED,
                openAssignments(
                        " and assignment.assigned_at > cast(?2 as timestamptz) - interval '1 day'"
                                // not those a rollout's start made: it wrote their notices in its own transaction
                                // (its assignments carry the rollout's start, the time of that transaction)
                                + " and (assignment.version_id, assignment.assigned_at) not in"
                                + " (select version_id, started_at from rollout where tenant_id = cast(?1 as uuid))",
                        "a.person_id, 'assigned:' || a.id, " + ASSIGNMENT_PARAMS,
                        ""));
        // from the lead day up to the due day, unless the assignment was made inside that window
        RULES.put(
                NoticeKind.ASSIGNMENT_DUE,
                openAssignments(
                        // the window on the due day first (a local day is within two days of UTC's), then exactly
                        " and assignment.due_date between cast(?2 as timestamptz)::date - 2"
                                + " and cast(?2 as timestamptz)::date + 2 + fr.assignment_lead_days",
                        "a.person_id, 'assignment-due:' || a.id || ':' || a.due_date, " + ASSIGNMENT_PARAMS,
                        " and r.reached >= a.due_date - f.assignment_lead_days and r.reached <= a.due_date"
                                + " and (a.assigned_at at time zone s.time_zone)::date"
                                + " < a.due_date - f.assignment_lead_days"));
        // the morning after the due day, then every seven days while still open
        RULES.put(
                NoticeKind.ASSIGNMENT_OVERDUE,
                openAssignments(
                        " and assignment.due_date < cast(?2 as timestamptz)::date + 1",
                        "a.person_id, 'assignment-overdue:' || a.id || ':'"
                                + " || (a.due_date + 1 + 7 * ((r.reached - a.due_date - 1) / 7)), " + ASSIGNMENT_PARAMS,
                        " and r.reached > a.due_date"));
        String review =
                "with due as (select v.id, v.number, f.review_lead_days as lead, " + REACHED.formatted("f.time_zone")
                        + " as reached, ((greatest(v.published_at, coalesce((select max(cr.reviewed_at) from charter_review cr"
                        + "  where cr.version_id = v.id), v.published_at)) at time zone f.time_zone)::date"
                        + "  + make_interval(months => f.review_interval_months))::date as day"
                        + " from franchise f join charter_version v on v.tenant_id = f.id and v.status = 'PUBLISHED'"
                        + " where f.id = cast(?1 as uuid))"
                        + " select hq.id, %s, json_build_object('version', due.number::text, 'due', due.day::text)::text,"
                        + " '/hq/review.xhtml' from due cross join (" + HEADQUARTERS + ") hq where %s";
        RULES.put(
                NoticeKind.REVIEW_COMING,
                review.formatted(
                        "'review-coming:' || due.id || ':' || due.day",
                        "due.lead > 0 and due.reached >= due.day - due.lead and due.reached < due.day"));
        RULES.put(
                NoticeKind.REVIEW_DUE,
                review.formatted(
                        "'review-due:' || due.id || ':' || due.day",
                        "due.reached >= due.day and due.reached < due.day + 7"));
        RULES.put(
                NoticeKind.REVIEW_OVERDUE,
                review.formatted(
                        "'review-overdue:' || due.id || ':' || due.day || ':'"
                                + " || (due.day + 7 * ((due.reached - due.day) / 7))",
                        "due.reached >= due.day + 7"));
        RULES.put(
                NoticeKind.ROLLOUT_DEADLINE,
                "select hq.id, 'rollout-deadline:' || ro.id || ':' || ro.deadline,"
                        + " json_build_object('version', v.number::text, 'deadline', ro.deadline::text,"
                        + "  'stores', o.stores::text, 'storeNames', o.names)::text, '/hq/rollout.xhtml'"
                        + " from franchise f join rollout ro on ro.tenant_id = f.id"
                        + " join charter_version v on v.id = ro.version_id and v.status = 'ROLLOUT'"
                        + " cross join lateral (select count(distinct a.store_id) as stores,"
                        + "  array_to_string((array_agg(distinct s.code order by s.code))[1:10], ', ') as names"
                        + "  from assignment a join store s on s.id = a.store_id"
                        + "  join person ap on ap.id = a.person_id and ap.status <> 'LEFT'"
                        + "  where a.version_id = v.id and a.status = 'ASSIGNED') o"
                        + " cross join lateral (select " + REACHED.formatted("f.time_zone") + " as reached) r"
                        + " cross join (" + HEADQUARTERS + ") hq"
                        + " where f.id = cast(?1 as uuid) and o.stores > 0"
                        + " and r.reached >= ro.deadline - f.rollout_lead_days and r.reached <= ro.deadline");
        // one message per manager and week: their people still open and the sessions of the coming seven days,
        // counted per store once (not per manager), then summed per manager
        RULES.put(
                NoticeKind.MANAGER_DIGEST,
                "with mgr as (select m.person_id, min(s.time_zone) as zone"
                        + "  from store_membership m join store s on s.id = m.store_id and s.active"
                        + "  join person p on p.id = m.person_id and p.status = 'ACTIVE'"
                        + "  where m.role = 'MANAGER' group by m.person_id),"
                        + " slot as (select mgr.person_id, r.reached - ((extract(isodow from r.reached)::int"
                        + "  - f.digest_day + 7) % 7) as day from mgr cross join franchise f"
                        + "  cross join lateral (select " + REACHED.formatted("mgr.zone") + " as reached) r"
                        + "  where f.id = cast(?1 as uuid)),"
                        // the week's digests not written yet, as a set difference: one pass over each side, whatever
                        // the statistics say (a probe per manager could lose its index, see WRITE)
                        + " todo as (select person_id, 'digest:' || day as occurrence from slot"
                        + "  except select person_id, occurrence from notice"
                        + "  where tenant_id = cast(?1 as uuid) and kind = 'MANAGER_DIGEST'),"
                        + " stores as (select m.person_id, m.store_id from store_membership m"
                        + "  join todo on todo.person_id = m.person_id join store s on s.id = m.store_id and s.active"
                        + "  where m.role = 'MANAGER'),"
                        // read once, as for the other assignment rules
                        + " open_a as materialized (select store_id, person_id, version_id from assignment"
                        + "  where tenant_id = cast(?1 as uuid) and status = 'ASSIGNED'),"
                        // per store first (at most one row a store), so that no join below grows with the people
                        + " open_store as (select a.store_id, count(*) as open,"
                        + "  (array_agg(ap.full_name order by ap.full_name))[1:10] as names from open_a a"
                        + "  join person ap on ap.id = a.person_id and ap.status = 'ACTIVE'"
                        + "  join charter_version v on v.id = a.version_id and v.status in ('ROLLOUT', 'PUBLISHED')"
                        + "  group by a.store_id),"
                        + " people as (select st.person_id, coalesce(sum(o.open), 0) as open,"
                        + "  string_agg(array_to_string(o.names, ', '), ', ') as names"
                        + "  from stores st left join open_store o on o.store_id = st.store_id group by st.person_id),"
                        + " coming as (select st.person_id, count(t.id) as sessions, array_to_string((array_agg("
                        + "  to_char(t.starts_at at time zone ts.time_zone, 'YYYY-MM-DD HH24:MI') || ' ' || ts.code"
                        + "  order by t.starts_at) filter (where t.id is not null))[1:5], '; ') as upcoming"
                        + "  from stores st left join training_session t on t.store_id = st.store_id and not t.cancelled"
                        + "  and t.starts_at >= cast(?2 as timestamptz)"
                        + "  and t.starts_at < cast(?2 as timestamptz) + interval '7 days'"
                        + "  left join store ts on ts.id = t.store_id group by st.person_id)"
                        + " select todo.person_id, todo.occurrence, json_build_object('open', people.open::text,"
                        + "  'sessions', coming.sessions::text, 'names', coalesce(people.names, ''),"
                        + "  'upcoming', coalesce(coming.upcoming, ''))::text, '/store/training.xhtml'"
                        + " from todo join people on people.person_id = todo.person_id"
                        + " join coming on coming.person_id = todo.person_id"
                        + " where people.open > 0 or coming.sessions > 0");
        // the day before, at the reminder hour of the session's store; a moved session is a new occurrence
        RULES.put(
                NoticeKind.SESSION_TOMORROW,
                "select x.person_id, 'session:' || t.id || ':' || extract(epoch from t.starts_at)::bigint,"
                        + " json_build_object('start', to_char(t.starts_at at time zone 'UTC',"
                        + "  'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'zone', s.time_zone, 'place', t.place,"
                        + "  'trainer', t.trainer, 'store', s.name, 'session', t.id::text,"
                        + "  'duration', t.duration_minutes::text, 'sequence', t.version::text)::text,"
                        + " '/app/training.xhtml'"
                        + " from franchise f join training_session t on t.tenant_id = f.id and not t.cancelled"
                        + " join store s on s.id = t.store_id"
                        + " join session_seat x on x.session_id = t.id"
                        + " join person p on p.id = x.person_id and p.status = 'ACTIVE'"
                        + " cross join lateral (select " + REACHED.formatted("s.time_zone") + " as reached) r"
                        + " where f.id = cast(?1 as uuid) and t.starts_at > cast(?2 as timestamptz)"
                        + " and r.reached >= (t.starts_at at time zone s.time_zone)::date - 1");
    }

    /** A notice kind's rule inside the statement that writes the notices, each with its mail or none, and counts. */
    /** Open complaints whose deadlines the planner watches: the clock runs (not waiting), within the last month. */
    private static final String OPEN_COMPLAINTS = "with c as materialized (select fb.id, fb.reference, fb.store_id,"
            + " fb.time_zone, fb.responded_at, fb.response_warn_at, fb.response_due_at, fb.response_target,"
            + " fb.resolution_warn_at, fb.resolution_due_at, fb.resolution_target from feedback fb"
            + " where fb.tenant_id = cast(?1 as uuid) and fb.status in ('NEW', 'ACKNOWLEDGED') and fb.kind = 'COMPLAINT'"
            + " and (fb.response_due_at > cast(?2 as timestamptz) - interval '30 days'"
            + "  or fb.resolution_due_at > cast(?2 as timestamptz) - interval '30 days')),"
            + " w (id, reference, store_id, time_zone, clock, due, target) as ("
            + "  select id, reference, store_id, time_zone, 'response', response_due_at, response_target from c"
            + "  where responded_at is null and %1$s"
            + "  union all select id, reference, store_id, time_zone, 'resolution', resolution_due_at, resolution_target"
            + "  from c where %2$s)"
            + " select r.person_id, 'feedback-%3$s:' || w.id || ':' || w.clock,"
            + " json_build_object('reference', w.reference, 'store', s.name,"
            + "  'at', to_char(w.due at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'zone', w.time_zone,"
            + "  'target', w.target)::text, '/store/case.xhtml?id=' || w.id"
            + " from w join store s on s.id = w.store_id"
            + " join lateral (select m.person_id from store_membership m join person p on p.id = m.person_id"
            + "  and p.status = 'ACTIVE' where m.store_id = w.store_id and m.role = 'MANAGER'%4$s) r on true";

    static {
        // 80 % of the promised time has passed and the store has not answered (or resolved): its managers hear of it
        RULES.put(
                NoticeKind.FEEDBACK_WARNING,
                OPEN_COMPLAINTS.formatted(
                        "response_warn_at <= cast(?2 as timestamptz) and response_due_at > cast(?2 as timestamptz)",
                        "resolution_warn_at <= cast(?2 as timestamptz) and resolution_due_at > cast(?2 as timestamptz)",
                        "warn",
                        ""));
        // the promise is broken: the managers and headquarters hear of it, once per deadline
        RULES.put(
                NoticeKind.FEEDBACK_BREACHED,
                OPEN_COMPLAINTS.formatted(
                        "response_due_at <= cast(?2 as timestamptz)",
                        "resolution_due_at <= cast(?2 as timestamptz)",
                        "breach",
                        " union " + HEADQUARTERS));
    }

    private static final String WRITE = "with due (person_id, occurrence, params, link) as materialized (%s),"
            // What is written already is left to the unique key: the insert checks it in the index before it writes
            // anything. A NOT EXISTS probe instead lost its index under row-level security whenever the statistics
            // were stale (right after a rollout's own writes) and scanned the franchise's notices once per row.
            // by mail: to everyone with an address when mandatory, else to those who take optional notices by mail
            + " addressed as (select fresh.*, case when coalesce(btrim(p.email), '') <> '' and (?4 or p.optional_by_mail)"
            + "  then btrim(p.email) end as address, p.preferred_locale from due fresh join person p on p.id = fresh.person_id),"
            + " ins as (insert into notice (id, tenant_id, person_id, kind, occurrence, params, link, mandatory,"
            + "  created_at, mail_address, mail_locale, mail_status, mail_next_at)"
            + "  select gen_random_uuid(), cast(?1 as uuid), a.person_id, ?3, a.occurrence, a.params, a.link, ?4,"
            + "  cast(?2 as timestamptz), a.address, case when a.address is not null then a.preferred_locale end,"
            + "  case when a.address is not null then 'QUEUED' end,"
            + "  case when a.address is not null then cast(?2 as timestamptz) end from addressed a"
            + "  on conflict (tenant_id, person_id, occurrence) do nothing returning mail_status)"
            + " select count(*), count(mail_status) from ins";

    /** What one round wrote: notices per kind, and how many of them go out by mail. */
    public record Planned(Map<NoticeKind, Integer> notices, int mails, int erased) {

        public int total() {
            return notices.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    /** Every rule, for the franchise the transaction is bound to. */
    public Planned plan(String franchiseId, OffsetDateTime now) {
        Map<NoticeKind, Integer> notices = new EnumMap<>(NoticeKind.class);
        int mails = 0;
        for (NoticeKind kind : RULES.keySet()) {
            int[] written = write(kind, franchiseId, now);
            notices.put(kind, written[0]);
            mails += written[1];
        }
        int erased = eraseContacts(franchiseId, now, null);
        return new Planned(notices, mails, erased);
    }

    /**
     * The notices of a rollout that has just started, in its own transaction: everyone it assigned hears of it at
     * once (the minute's rule leaves these assignments out). {@code [notices, mails]}.
     */
    public int[] announceRollout(String franchiseId, String versionId, OffsetDateTime now) {
        return notify(
                NoticeKind.TRAINING_ASSIGNED,
                franchiseId,
                now,
                openAssignments(
                        " and assignment.version_id = cast(?5 as uuid)",
                        "a.person_id, 'assigned:' || a.id, " + ASSIGNMENT_PARAMS,
                        ""),
                versionId);
    }

    /**
     * Writes the notices a statement selects, in the caller's transaction: {@code rule} yields {@code (person_id,
     * occurrence, params, link)} and may use {@code ?1} (the franchise), {@code ?2} (now) and {@code ?5}
     * ({@code subject}). Each occurrence is written once per person, with its mail. {@code [notices, mails]}.
     */
    public int[] notify(NoticeKind kind, String franchiseId, OffsetDateTime now, String rule, String subject) {
        Object[] row = (Object[]) em.createNativeQuery(WRITE.formatted(rule))
                .setParameter(1, franchiseId)
                .setParameter(2, now)
                .setParameter(3, kind.name())
                .setParameter(4, kind.mandatory())
                .setParameter(5, subject)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
    }

    /**
     * Erases customers' contact data: of the cases closed longer ago than the franchise keeps it, or of the cases
     * {@code ids} (a customer's request, however recent). Their answers in the thread and the mails sent to them
     * go too; the cases stay, anonymous. Returns how many cases were erased.
     */
    public int eraseContacts(String franchiseId, OffsetDateTime now, List<String> ids) {
        String which = ids == null
                ? " and fb.closed_at <= cast(?2 as timestamptz) - make_interval(months => f.contact_retention_months)"
                : " and fb.id = any(cast(?3 as uuid[]))";
        Object count = em.createNativeQuery("with gone as (update feedback fb set contact_name = null,"
                        + " contact_email = null, contact_phone = null, erased_at = cast(?2 as timestamptz),"
                        + " version = fb.version + 1 from franchise f where f.id = fb.tenant_id"
                        + " and fb.tenant_id = cast(?1 as uuid) and fb.consent and fb.erased_at is null" + which
                        + " returning fb.id),"
                        + " answers as (update feedback_entry e set body = null from gone"
                        + "  where e.tenant_id = cast(?1 as uuid) and e.feedback_id = gone.id and e.kind = 'ANSWER'"
                        + "  returning 1),"
                        + " mails as (update notice n set mail_address = null, mail_status = null, mail_next_at = null,"
                        + "  mail_lease_until = null, mail_lease_token = null, link = null, params = '{}' from gone"
                        + "  where n.tenant_id = cast(?1 as uuid) and n.person_id is null"
                        + "  and left(n.occurrence, 46) = 'feedback:' || gone.id || ':' returning 1)"
                        // data-modifying parts run to completion whether or not the outer query reads them
                        + " select count(*) from gone")
                .setParameter(1, franchiseId)
                .setParameter(2, now)
                .setParameter(3, ids == null ? "{}" : "{" + String.join(",", ids) + "}")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        return ((Number) count).intValue();
    }

    /** One rule; {@code [notices, mails]}. */
    public int[] write(NoticeKind kind, String franchiseId, OffsetDateTime now) {
        Object[] row = (Object[]) em.createNativeQuery(WRITE.formatted(RULES.get(kind)))
                .setParameter(1, franchiseId)
                .setParameter(2, now)
                .setParameter(3, kind.name())
                .setParameter(4, kind.mandatory())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
    }
}
