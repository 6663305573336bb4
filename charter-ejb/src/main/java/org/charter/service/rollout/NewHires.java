package org.charter.service.rollout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.persistence.config.QueryHints;

/**
 * Someone who joins a store is assigned at once the version in rollout (due by its deadline) and the version
 * in force (due in {@link #DAYS_FOR_NEW_HIRES} days). The version rows are share-locked first, so a
 * publication deciding at the same moment waits for this hire to count.
 */
@ApplicationScoped
public class NewHires {

    public static final int DAYS_FOR_NEW_HIRES = 14;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    /** Runs in the caller's transaction, bound to the person's franchise. */
    public void assign(String franchiseId, String personId, String storeId) {
        em.flush();
        em.createNativeQuery("select id from charter_version where status in ('ROLLOUT', 'PUBLISHED') for share")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        em.createNativeQuery("insert into assignment (id, tenant_id, version_id, person_id, store_id, status, due_date)"
                        + " select gen_random_uuid(), v.tenant_id, v.id, ?1, ?2, 'ASSIGNED',"
                        + "  case when v.status = 'ROLLOUT' then greatest(r.deadline, current_date)"
                        + "       else current_date + ?3 end"
                        + " from charter_version v left join rollout r on r.version_id = v.id"
                        + " where v.status in ('ROLLOUT', 'PUBLISHED') and v.tenant_id = ?4"
                        + " on conflict (tenant_id, version_id, person_id) do nothing")
                .setParameter(1, personId)
                .setParameter(2, storeId)
                .setParameter(3, DAYS_FOR_NEW_HIRES)
                .setParameter(4, franchiseId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
    }
}
