package org.charter.service.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.model.audit.AuditEntry;
import org.charter.model.people.Role;
import org.charter.service.evidence.Checkpoints;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/** Reading the franchise's audit trail, and checking that its hash chain is unbroken. */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class AuditService {

    public static final int PAGE = 200;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Checkpoints checkpoints;

    @Inject
    Callers callers;

    public List<AuditEntry> listRecent(int first) {
        return em.createQuery("select e from AuditEntry e order by e.occurredAt desc, e.id", AuditEntry.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(PAGE)
                .getResultList();
    }

    /**
     * Findings in the franchise's audit trail, 0 for an intact one: rows whose hash (either scheme, recomputed by
     * the application) or link to the row before does not match, and checkpoints whose recorded head and count no
     * longer match the trail, which is how a removed or inserted row and the newest rows deleted show. See
     * {@link Checkpoints#check} for the signatures and quiz tries as well.
     */
    public long countBrokenLinks() {
        return checkpoints.auditFindings(callers.current().franchiseId());
    }
}
