package org.charter.web.it;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.persistence.config.QueryHints;

/**
 * Reads and writes the engine's tables directly, as the application's role inside one franchise: to queue many
 * due mails at once for the race tests, and to see what became of each delivery.
 */
@Stateless
public class MailFixtures {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    /** Queues {@code count} mails due at {@code at}, each a notice of its own for {@code personId}. */
    public void queue(String franchiseId, String personId, int count, String prefix, OffsetDateTime at) {
        tenantSession.enter(franchiseId);
        native_("insert into notice (id, tenant_id, person_id, kind, occurrence, params, link, mandatory, created_at,"
                        + " mail_address, mail_locale, mail_status, mail_next_at) select gen_random_uuid(),"
                        + " cast(?1 as uuid), cast(?2 as uuid), 'ASSIGNMENT_DUE', ?4 || ':' || i,"
                        + " '{\"version\":\"1\",\"due\":\"2027-03-31\"}', '/app/training.xhtml', true,"
                        + " cast(?5 as timestamptz), ?4 || '-' || i || '@race.test', 'en', 'QUEUED', cast(?5 as timestamptz)"
                        + " from generate_series(1, ?3) i")
                .setParameter(1, franchiseId)
                .setParameter(2, personId)
                .setParameter(3, count)
                .setParameter(4, prefix)
                .setParameter(5, at)
                .executeUpdate();
    }

    /** Mails by status, e.g. {@code [["SENT", 1000]]}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> statuses(String franchiseId) {
        tenantSession.enter(franchiseId);
        return native_("select mail_status, count(*) from notice where mail_status is not null group by mail_status"
                        + " order by mail_status")
                .getResultList();
    }

    /** How many deliveries have more than one SENT event (must be none). */
    public long sentTwice(String franchiseId) {
        tenantSession.enter(franchiseId);
        return ((Number) native_("select count(*) from (select notice_id from mail_event where event = 'SENT'"
                                + " group by notice_id having count(*) > 1) twice")
                        .getSingleResult())
                .longValue();
    }

    /** Notices of one person, by kind and occurrence, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> notices(String franchiseId, String personId) {
        tenantSession.enter(franchiseId);
        return native_("select n.kind, n.occurrence, n.mail_status from notice n"
                        + " where n.person_id = cast(?1 as uuid) order by n.created_at, n.occurrence")
                .setParameter(1, personId)
                .getResultList();
    }

    /** The ids of every notice that goes out by mail. */
    @SuppressWarnings("unchecked")
    public List<String> mailedNoticeIds(String franchiseId) {
        tenantSession.enter(franchiseId);
        return native_("select id::text from notice where mail_status is not null order by created_at")
                .getResultList();
    }

    private jakarta.persistence.Query native_(String sql) {
        return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }
}
