package org.charter.service.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.MembershipRole;
import org.charter.model.people.Role;
import org.charter.model.store.Store;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.SignedIn;

/**
 * Which stores the caller may act on: HQ all of the franchise's, a store manager those they manage. A store
 * outside the caller's scope is "not found", exactly like another franchise's.
 */
@ApplicationScoped
public class StoreScope {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    public Store requireStore(String storeId) {
        Store store = Ids.isWellFormed(storeId) ? em.find(Store.class, storeId) : null;
        if (store == null || !mayManage(callers.current(), storeId)) {
            throw new NotFoundException("store", storeId);
        }
        return store;
    }

    /** Ids of the stores the caller manages; null means all of them (HQ). */
    public List<String> managedStoreIds() {
        SignedIn caller = callers.current();
        if (caller.hasAnyRole(Role.HQ_ADMIN)) {
            return null;
        }
        return em.createQuery(
                        "select m.store.id from StoreMembership m where m.person.account.id = :account"
                                + " and m.role = :manager",
                        String.class)
                .setParameter("account", caller.accountId())
                .setParameter("manager", MembershipRole.MANAGER)
                .getResultList();
    }

    private boolean mayManage(SignedIn caller, String storeId) {
        if (caller.hasAnyRole(Role.HQ_ADMIN)) {
            return true;
        }
        return caller.hasAnyRole(Role.STORE_MANAGER)
                && !em.createQuery(
                                "select m.id from StoreMembership m where m.person.account.id = :account"
                                        + " and m.store.id = :store and m.role = :manager",
                                String.class)
                        .setParameter("account", caller.accountId())
                        .setParameter("store", storeId)
                        .setParameter("manager", MembershipRole.MANAGER)
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty();
    }
}
