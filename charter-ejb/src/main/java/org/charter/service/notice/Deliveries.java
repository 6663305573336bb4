package org.charter.service.notice;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.persistence.config.QueryHints;

/**
 * The database side of the engine, each step in a short transaction of its own, bound to one franchise: plan the
 * notices that fell due, claim a batch of mails as a lease, record what the SMTP server answered. Called by the
 * schedule and, with a chosen {@code now}, by tests; nothing here takes a franchise from a request.
 */
@Stateless
public class Deliveries {

    /** What a claim hands to the dispatcher. */
    public record Claim(String token, List<Mailer.Outgoing> mails) {}

    /** What the server said to one mail; {@code sent} false when it refused or could not be reached. */
    public record Outcome(String noticeId, boolean sent, String answer) {}

    /** Retries: the first after {@code baseSeconds}, each next one twice as late, never later than the cap. */
    public record RetryPolicy(int maxAttempts, int baseSeconds, int capSeconds) {}

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    @Inject
    ReminderPlanner planner;

    @Inject
    jakarta.enterprise.inject.Instance<PlanStep> steps;

    /**
     * Writes what fell due at {@code now}. One instance plans a franchise at a time (an advisory lock for the
     * transaction); another finding it taken leaves the round to it and returns empty.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<ReminderPlanner.Planned> plan(String franchiseId, OffsetDateTime now) {
        tenantSession.enter(franchiseId);
        Object locked = em.createNativeQuery(
                        "select pg_try_advisory_xact_lock(hashtextextended('reminder_plan:' || ?1, 0))")
                .setParameter(1, franchiseId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return Optional.empty();
        }
        ReminderPlanner.Planned planned = planner.plan(franchiseId, now);
        for (PlanStep step : steps) {
            step.plan(franchiseId, now);
        }
        return Optional.of(planned);
    }

    /**
     * Claims up to {@code limit} queued mails that are due at {@code now} and not leased by anyone else, in one
     * statement; the lease ends {@code leaseSeconds} after {@code now}. Rows another dispatcher is claiming at the
     * same moment are skipped, not waited for.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(String franchiseId, OffsetDateTime now, int limit, int leaseSeconds) {
        tenantSession.enter(franchiseId);
        String token = java.util.UUID.randomUUID().toString();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update notice n set mail_lease_token = cast(?3 as uuid),"
                        + " mail_lease_until = cast(?2 as timestamptz) + make_interval(secs => ?4),"
                        + " mail_attempts = n.mail_attempts + 1, mail_attempted_at = cast(?2 as timestamptz)"
                        + " where n.id in (select q.id from notice q"
                        + "  where q.tenant_id = cast(?1 as uuid) and q.mail_status = 'QUEUED'"
                        + "  and q.mail_next_at <= cast(?2 as timestamptz)"
                        + "  and (q.mail_lease_until is null or q.mail_lease_until <= cast(?2 as timestamptz))"
                        + "  order by q.mail_next_at limit ?5 for update skip locked)"
                        + " returning n.id::text, n.mail_address, n.mail_locale, n.kind, n.params, n.link")
                .setParameter(1, franchiseId)
                .setParameter(2, now)
                .setParameter(3, token)
                .setParameter(4, leaseSeconds)
                .setParameter(5, limit)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        List<Mailer.Outgoing> mails = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            mails.add(new Mailer.Outgoing(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    NoticeKind.valueOf((String) row[3]),
                    (String) row[4],
                    (String) row[5]));
        }
        return new Claim(token, mails);
    }

    /**
     * Records the server's answers for a claim: sent, or tried again later (capped exponential back-off), or failed
     * for good after the last attempt. Only while the lease is still this claim's: a dispatcher whose lease ran out
     * and was taken over records nothing. Returns how many were recorded.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int record(String franchiseId, OffsetDateTime now, String token, List<Outcome> outcomes, RetryPolicy retry) {
        tenantSession.enter(franchiseId);
        List<Outcome> sent = outcomes.stream().filter(Outcome::sent).toList();
        List<Outcome> refused = outcomes.stream().filter(o -> !o.sent()).toList();
        int recorded = 0;
        if (!sent.isEmpty()) {
            recorded += ((Number) em.createNativeQuery(
                                    "with u as (select * from unnest(cast(?2 as uuid[]), cast(?3 as text[])) as u (id, answer)),"
                                            + " upd as (update notice n set mail_status = 'SENT', mail_sent_at = cast(?1 as timestamptz),"
                                            + "  mail_lease_until = null, mail_lease_token = null, mail_answer = left(u.answer, 1000)"
                                            + "  from u where n.id = u.id and n.mail_lease_token = cast(?4 as uuid)"
                                            + "  and n.mail_status = 'QUEUED' returning n.id, n.tenant_id, u.answer),"
                                            + " ev as (insert into mail_event (tenant_id, notice_id, at, event, answer)"
                                            + "  select tenant_id, id, cast(?1 as timestamptz), 'SENT', left(answer, 1000) from upd returning 1)"
                                            + " select count(*) from ev")
                            .setParameter(1, now)
                            .setParameter(
                                    2,
                                    array(sent.stream().map(Outcome::noticeId).toList()))
                            .setParameter(
                                    3, array(sent.stream().map(Outcome::answer).toList()))
                            .setParameter(4, token)
                            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                            .getSingleResult())
                    .intValue();
        }
        if (!refused.isEmpty()) {
            recorded += ((Number) em.createNativeQuery(
                                    "with u as (select * from unnest(cast(?2 as uuid[]), cast(?3 as text[])) as u (id, answer)),"
                                            + " upd as (update notice n set"
                                            + "  mail_status = case when n.mail_attempts >= ?5 then 'FAILED' else 'QUEUED' end,"
                                            + "  mail_next_at = cast(?1 as timestamptz) + least("
                                            + "   make_interval(secs => ?6 * power(2, greatest(n.mail_attempts - 1, 0))),"
                                            + "   make_interval(secs => ?7)),"
                                            + "  mail_lease_until = null, mail_lease_token = null, mail_answer = left(u.answer, 1000)"
                                            + "  from u where n.id = u.id and n.mail_lease_token = cast(?4 as uuid)"
                                            + "  and n.mail_status = 'QUEUED' returning n.id, n.tenant_id, n.mail_status, u.answer),"
                                            + " ev as (insert into mail_event (tenant_id, notice_id, at, event, answer)"
                                            + "  select tenant_id, id, cast(?1 as timestamptz),"
                                            + "  case when mail_status = 'FAILED' then 'FAILED' else 'RETRY' end, left(answer, 1000)"
                                            + "  from upd returning 1)"
                                            + " select count(*) from ev")
                            .setParameter(1, now)
                            .setParameter(
                                    2,
                                    array(refused.stream()
                                            .map(Outcome::noticeId)
                                            .toList()))
                            .setParameter(
                                    3,
                                    array(refused.stream().map(Outcome::answer).toList()))
                            .setParameter(4, token)
                            .setParameter(5, retry.maxAttempts())
                            .setParameter(6, retry.baseSeconds())
                            .setParameter(7, retry.capSeconds())
                            .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                            .getSingleResult())
                    .intValue();
        }
        return recorded;
    }

    /** A PostgreSQL array literal of quoted elements, so commas, quotes and backslashes in answers survive. */
    static String array(List<String> values) {
        return org.charter.service.database.PgArrays.literal(values);
    }
}
