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
        native_("with n as (insert into notice (id, tenant_id, person_id, kind, occurrence, params, link, mandatory,"
                        + " created_at) select gen_random_uuid(), cast(?1 as uuid), cast(?2 as uuid), 'ASSIGNMENT_DUE',"
                        + " ?4 || ':' || i, '{\"version\":\"1\",\"due\":\"2027-03-31\"}', '/app/training.xhtml', true,"
                        + " cast(?5 as timestamptz) from generate_series(1, ?3) i returning id, occurrence)"
                        + " insert into mail_delivery (id, tenant_id, notice_id, address, locale, message_id, status,"
                        + " next_attempt_at, created_at) select gen_random_uuid(), cast(?1 as uuid), n.id,"
                        + " replace(n.occurrence, ':', '-') || '@race.test', 'en', n.id || '@localhost', 'QUEUED',"
                        + " cast(?5 as timestamptz), cast(?5 as timestamptz) from n")
                .setParameter(1, franchiseId)
                .setParameter(2, personId)
                .setParameter(3, count)
                .setParameter(4, prefix)
                .setParameter(5, at)
                .executeUpdate();
    }

    /** Deliveries by status, e.g. {@code [["SENT", 1000]]}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> statuses(String franchiseId) {
        tenantSession.enter(franchiseId);
        return native_("select status, count(*) from mail_delivery group by status order by status")
                .getResultList();
    }

    /** How many deliveries have more than one SENT event (must be none). */
    public long sentTwice(String franchiseId) {
        tenantSession.enter(franchiseId);
        return ((Number) native_("select count(*) from (select delivery_id from mail_event where event = 'SENT'"
                                + " group by delivery_id having count(*) > 1) twice")
                        .getSingleResult())
                .longValue();
    }

    /** Notices of one person, by kind and occurrence, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> notices(String franchiseId, String personId) {
        tenantSession.enter(franchiseId);
        return native_(
                        "select n.kind, n.occurrence, d.status from notice n left join mail_delivery d on d.notice_id = n.id"
                                + " where n.person_id = cast(?1 as uuid) order by n.created_at, n.occurrence")
                .setParameter(1, personId)
                .getResultList();
    }

    /** Every delivery's id. */
    @SuppressWarnings("unchecked")
    public List<String> deliveryIds(String franchiseId) {
        tenantSession.enter(franchiseId);
        return native_("select id::text from mail_delivery order by created_at").getResultList();
    }

    private jakarta.persistence.Query native_(String sql) {
        return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }
}
