package org.charter.service.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.charter.model.common.TenantOwned;
import org.charter.service.database.DatabaseClock;
import org.eclipse.persistence.config.QueryHints;

/**
 * Binds the current transaction to one franchise: EclipseLink's tenant property (queries and inserts get
 * {@code tenant_id = ?}) and PostgreSQL's {@code app.tenant_id} for row-level security, set with
 * {@code set_config(…, true)} so it ends with the transaction. Call it before the transaction's entity manager
 * does anything else: switching tenants inside one transaction is not supported.
 */
@ApplicationScoped
public class TenantSession {

    private static final String BOUND = "charter.tenant";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    DatabaseClock clock;

    /** Binds the transaction to the franchise; a second call for the same franchise in the transaction is free. */
    public void enter(String franchiseId) {
        em.setProperty(TenantOwned.TENANT_PROPERTY, franchiseId);
        boolean inTransaction = transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
        if (inTransaction && franchiseId.equals(transaction.getResource(BOUND))) {
            return;
        }
        if (inTransaction) {
            transaction.putResource(BOUND, franchiseId);
        }
        // the transaction's now() comes along, so that the clock need not ask for it in a statement of its own
        Object[] bound = (Object[]) em.createNativeQuery("select set_config('app.tenant_id', ?, true), now()")
                .setParameter(1, franchiseId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        clock.began((java.sql.Timestamp) bound[1]);
    }
}
