package org.charter.service.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.charter.model.audit.AuditEntry;
import org.charter.service.tenancy.TenantSession;

/**
 * Audit lines for what happens before anyone is signed in (a password chosen with a code, an account slowed
 * down after failed attempts). Sign-in works on the account registry, where no franchise is bound yet, so the
 * line is written in a transaction of its own, bound to the account's franchise from the start.
 */
@Stateless
public class SecurityAudit {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String franchiseId, String username, String action, String accountId, String detail) {
        if (franchiseId == null) {
            return; // platform administrators belong to no franchise's trail
        }
        tenantSession.enter(franchiseId);
        em.persist(new AuditEntry(username, action, "account", accountId, detail));
    }
}
