package org.charter.service.rollout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.persistence.config.QueryHints;

/**
 * What joining and leaving do to training. Someone who joins a store (or is hired again) is assigned at once
 * the version in rollout, due by its deadline, and the version in force, due after the franchise's new-hire
 * days. Someone who leaves stops counting: their open and excused assignments are withdrawn. The version rows
 * are share-locked first, so a publication deciding at the same moment waits for the change to count.
 */
@ApplicationScoped
public class StaffChanges {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    /** Runs in the caller's transaction, bound to the person's franchise. */
    public void joined(String franchiseId, String personId, String storeId) {
        em.flush();
        lockVersionsInUse();
        em.createNativeQuery("insert into assignment (id, tenant_id, version_id, person_id, store_id, status, due_date)"
                        + " select gen_random_uuid(), v.tenant_id, v.id, ?1, ?2, 'ASSIGNED',"
                        + "  case when v.status = 'ROLLOUT' then greatest(r.deadline, current_date)"
                        + "       else current_date + f.new_hire_days end"
                        + " from charter_version v join franchise f on f.id = v.tenant_id"
                        + " left join rollout r on r.version_id = v.id"
                        + " where v.status in ('ROLLOUT', 'PUBLISHED') and v.tenant_id = ?3"
                        + " on conflict (tenant_id, version_id, person_id) do update"
                        + "  set status = 'ASSIGNED', due_date = excluded.due_date, store_id = excluded.store_id,"
                        + "      excused_reason = null, excused_until = null, excused_by = null,"
                        + "      version = assignment.version + 1"
                        + "  where assignment.status = 'WITHDRAWN'")
                .setParameter(1, personId)
                .setParameter(2, storeId)
                .setParameter(3, franchiseId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
    }

    /** Runs in the caller's transaction: the person's unfinished assignments stop counting. */
    public void left(String personId) {
        em.flush();
        lockVersionsInUse();
        em.createNativeQuery("update assignment set status = 'WITHDRAWN', version = version + 1"
                        + " where person_id = ?1 and status in ('ASSIGNED', 'EXCUSED')")
                .setParameter(1, personId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
    }

    private void lockVersionsInUse() {
        em.createNativeQuery("select id from charter_version where status in ('ROLLOUT', 'PUBLISHED') for share")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
    }
}
