package org.charter.web.it;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.persistence.config.QueryHints;

/** What the API tests read or age behind the product's back: audit lines, head counts, a token's expiry. */
@Stateless
public class ApiFixtures {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    /** Makes a token as if it had been made two days ago for one day. */
    public void expire(String tokenId) {
        em.createNativeQuery("update api_token set created_at = now() - interval '2 days',"
                        + " expires_at = now() - interval '1 day' where id = cast(?1 as uuid)")
                .setParameter(1, tokenId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
    }

    public long auditLines(String franchiseId, String action, String actor) {
        tenantSession.enter(franchiseId);
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where action = ?1 and actor = ?2")
                        .setParameter(1, action)
                        .setParameter(2, actor)
                        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                        .getSingleResult())
                .longValue();
    }

    /** Whether any kept idempotent answer holds {@code text} in the clear. */
    public boolean idempotencyRowsContain(String text) {
        return ((Number) em.createNativeQuery("select count(*) from api_idempotency where response like ?1")
                                .setParameter(1, "%" + text + "%")
                                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                                .getSingleResult())
                        .longValue()
                > 0;
    }

    public long people(String franchiseId) {
        tenantSession.enter(franchiseId);
        return ((Number) em.createNativeQuery("select count(*) from person")
                        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                        .getSingleResult())
                .longValue();
    }

    /** The sum of the people's row versions: unchanged exactly when no person row was written. */
    public long peopleVersions(String franchiseId) {
        tenantSession.enter(franchiseId);
        return ((Number) em.createNativeQuery("select coalesce(sum(version), 0) from person")
                        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                        .getSingleResult())
                .longValue();
    }

    /** Makes a complaint's first response due in a minute, as a charter's promise for its channel would. */
    public void responseDueSoon(String franchiseId, String reference) {
        tenantSession.enter(franchiseId);
        em.createNativeQuery("update feedback set response_due_at = now() + interval '1 minute' where reference = ?1")
                .setParameter(1, reference)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
    }
}
