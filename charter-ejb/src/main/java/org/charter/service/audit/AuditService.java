package org.charter.service.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.model.audit.AuditEntry;
import org.charter.model.people.Role;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/** Reading the franchise's audit trail, and checking that its hash chain is unbroken. */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class AuditService {

    public static final int PAGE = 200;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    public List<AuditEntry> listRecent(int first) {
        return em.createQuery("select e from AuditEntry e order by e.occurredAt desc, e.id", AuditEntry.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(PAGE)
                .getResultList();
    }

    /** Number of rows whose hash or link to the previous row does not match; 0 for an intact trail. */
    public long countBrokenLinks() {
        Object broken = em.createNativeQuery("select count(*) from ("
                        + " select hash, prev_hash, lag(hash, 1, repeat('0', 64)) over (order by seq) as expected_prev,"
                        + "  encode(sha256(convert_to(concat_ws('|', prev_hash, tenant_id, id, seq,"
                        + "   to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), actor, action,"
                        + "   subject_type, subject_id, detail), 'UTF8')), 'hex') as recomputed"
                        + " from audit_entry where tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) chain"
                        + " where prev_hash <> expected_prev or hash <> recomputed")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        return ((Number) broken).longValue();
    }
}
