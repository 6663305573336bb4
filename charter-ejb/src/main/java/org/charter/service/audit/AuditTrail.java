package org.charter.service.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.charter.model.audit.AuditEntry;
import org.charter.service.tenancy.Callers;

/**
 * Writes one audit line in the caller's transaction, so the line exists exactly when the change does. The
 * database adds the time and the hash chain.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    public void record(String action, String subjectType, String subjectId, String detail) {
        em.persist(new AuditEntry(callers.actorName().orElse("system"), action, subjectType, subjectId, detail));
    }
}
