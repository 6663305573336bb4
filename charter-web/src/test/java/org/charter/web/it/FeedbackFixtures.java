package org.charter.web.it;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.persistence.config.QueryHints;

/** What the feedback tests read straight from the database, as one franchise. */
@Stateless
public class FeedbackFixtures {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @jakarta.inject.Inject
    TenantSession tenantSession;

    /** How many rows of {@code table} (feedback, feedback_entry, notice) the franchise has. */
    public long count(String franchiseId, String table) {
        if (!List.of("feedback", "feedback_entry", "notice", "corrective_action")
                .contains(table)) {
            throw new IllegalArgumentException(table);
        }
        tenantSession.enter(franchiseId);
        return ((Number) em.createNativeQuery("select count(*) from " + table + " where tenant_id = cast(?1 as uuid)")
                        .setParameter(1, franchiseId)
                        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                        .getSingleResult())
                .longValue();
    }

    /** The notices of a kind: person id (null for a customer), occurrence, mail address, mail status. */
    @SuppressWarnings("unchecked")
    public List<Object[]> notices(String franchiseId, String kind) {
        tenantSession.enter(franchiseId);
        return em.createNativeQuery("select person_id::text, occurrence, mail_address, mail_status, link from notice"
                        + " where tenant_id = cast(?1 as uuid) and kind = ?2 order by created_at, occurrence")
                .setParameter(1, franchiseId)
                .setParameter(2, kind)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
    }

    /** The bodies of a case's thread, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> thread(String franchiseId, String feedbackId) {
        tenantSession.enter(franchiseId);
        return em.createNativeQuery("select kind, body from feedback_entry where tenant_id = cast(?1 as uuid)"
                        + " and feedback_id = cast(?2 as uuid) order by seq")
                .setParameter(1, franchiseId)
                .setParameter(2, feedbackId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
    }

    /** The contact columns of a case: name, e-mail, phone, erased at. */
    public Object[] contact(String franchiseId, String feedbackId) {
        tenantSession.enter(franchiseId);
        return (Object[]) em.createNativeQuery("select contact_name, contact_email, contact_phone, erased_at"
                        + " from feedback where tenant_id = cast(?1 as uuid) and id = cast(?2 as uuid)")
                .setParameter(1, franchiseId)
                .setParameter(2, feedbackId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
    }

    /** The id of the case with {@code reference}. */
    public String idOf(String franchiseId, String reference) {
        tenantSession.enter(franchiseId);
        return (String) em.createNativeQuery(
                        "select id::text from feedback where tenant_id = cast(?1 as uuid)" + " and reference = ?2")
                .setParameter(1, franchiseId)
                .setParameter(2, reference)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
    }
}
