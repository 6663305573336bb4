package org.charter.service.notice;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.ReminderTimings;
import org.charter.model.people.Role;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.database.Rows;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/**
 * Headquarters' view of the franchise's mail: the mails that failed for good and those still being retried, each
 * with its delivery log, "send again" for a failed one, and the timings of the franchise's reminders.
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class DeliveryService {

    /** The most mails the page lists. */
    public static final int PAGE = 100;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    /** Failed mails first, then those waiting for another attempt after a refusal; newest first within each. */
    public List<DeliveryLine> troubled() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select n.id::text, coalesce(p.full_name, n.mail_address), n.mail_address, n.kind, n.params,"
                                + " n.mail_locale, n.mail_status, n.mail_attempts, n.mail_next_at, n.mail_answer, n.created_at"
                                // a customer's mail (feedback) has no person: it is listed under its address
                                + " from notice n left join person p on p.id = n.person_id"
                                + " where n.tenant_id = cast(?1 as uuid)"
                                + " and (n.mail_status = 'FAILED' or (n.mail_status = 'QUEUED' and n.mail_attempts > 0))"
                                + " order by n.mail_status = 'FAILED' desc, n.created_at desc limit ?2")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, PAGE)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        Map<String, List<DeliveryLine.Event>> events =
                events(rows.stream().map(r -> (String) r[0]).toList());
        List<DeliveryLine> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new DeliveryLine(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    NoticeKind.valueOf((String) row[3]),
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    Rows.number(row[7]),
                    Rows.instant(row[8]),
                    (String) row[9],
                    Rows.instant(row[10]),
                    events.getOrDefault((String) row[0], List.of())));
        }
        return lines;
    }

    /** How many mails failed for good and wait for someone to act. */
    public long failedCount() {
        return ((Number) em.createNativeQuery(
                                "select count(*) from notice where tenant_id = cast(?1 as uuid) and mail_status = 'FAILED'")
                        .setParameter(1, callers.current().franchiseId())
                        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                        .getSingleResult())
                .longValue();
    }

    /**
     * Queues a failed mail again, at once, with its attempts counted from zero; the same Message-ID. Only a failed
     * mail can be sent again (a queued one is on its way already); another franchise's mail is not found.
     */
    public void sendAgain(String noticeId) {
        if (!Ids.isWellFormed(noticeId)) {
            throw new NotFoundException("mail", noticeId);
        }
        String franchise = callers.current().franchiseId();
        @SuppressWarnings("unchecked")
        List<Object> status = em.createNativeQuery("select coalesce(mail_status, '') from notice"
                        + " where tenant_id = cast(?1 as uuid) and id = cast(?2 as uuid) for update")
                .setParameter(1, franchise)
                .setParameter(2, noticeId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        if (status.isEmpty() || "".equals(status.get(0))) {
            throw new NotFoundException("mail", noticeId);
        }
        if (!"FAILED".equals(status.get(0))) {
            throw new BusinessException("error.delivery.notFailed");
        }
        var now = clock.now();
        em.createNativeQuery("with upd as (update notice set mail_status = 'QUEUED', mail_attempts = 0,"
                        + " mail_next_at = cast(?3 as timestamptz), mail_lease_until = null, mail_lease_token = null"
                        + " where tenant_id = cast(?1 as uuid) and id = cast(?2 as uuid) returning tenant_id, id)"
                        + " insert into mail_event (tenant_id, notice_id, at, event, answer)"
                        + " select tenant_id, id, cast(?3 as timestamptz), 'REQUEUED', ?4 from upd")
                .setParameter(1, franchise)
                .setParameter(2, noticeId)
                .setParameter(3, now)
                .setParameter(4, callers.current().username())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        audit.record("mail.sentAgain", "notice", noticeId, null);
    }

    public ReminderTimings timings() {
        return franchise().getReminderTimings();
    }

    public ReminderTimings changeTimings(ReminderTimings timings) {
        Franchise franchise = franchise();
        ReminderTimings before = franchise.getReminderTimings();
        franchise.changeReminderTimings(timings);
        audit.record("franchise.reminderTimings", "franchise", franchise.getId(), before + " -> " + timings);
        return timings;
    }

    private Franchise franchise() {
        return em.find(Franchise.class, callers.current().franchiseId());
    }

    private Map<String, List<DeliveryLine.Event>> events(List<String> noticeIds) {
        Map<String, List<DeliveryLine.Event>> byDelivery = new LinkedHashMap<>();
        if (noticeIds.isEmpty()) {
            return byDelivery;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select notice_id::text, at, event, answer from mail_event"
                        + " where tenant_id = cast(?1 as uuid) and notice_id = any (cast(?2 as uuid[]))"
                        + " order by at, id")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, "{" + String.join(",", noticeIds) + "}")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        for (Object[] row : rows) {
            byDelivery
                    .computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new DeliveryLine.Event(Rows.instant(row[1]), (String) row[2], (String) row[3]));
        }
        return byDelivery;
    }
}
