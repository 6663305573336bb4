package org.charter.service.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.charter.model.common.TenantOwned;
import org.eclipse.persistence.config.QueryHints;

/**
 * Binds the current transaction to one franchise: EclipseLink's tenant property (queries and inserts get
 * {@code tenant_id = ?}) and PostgreSQL's {@code app.tenant_id} for row-level security, set with
 * {@code set_config(…, true)} so it ends with the transaction. Call it before the transaction's entity manager
 * does anything else: switching tenants inside one transaction is not supported.
 */
@ApplicationScoped
public class TenantSession {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    public void enter(String franchiseId) {
        em.setProperty(TenantOwned.TENANT_PROPERTY, franchiseId);
        em.createNativeQuery("select set_config('app.tenant_id', ?, true)")
                .setParameter(1, franchiseId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
    }
}
