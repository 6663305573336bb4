package org.charter.service.dashboard;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.FranchiseStatus;
import org.charter.model.people.MembershipRole;
import org.charter.model.people.PersonStatus;
import org.charter.model.people.Role;
import org.charter.service.store.StoreScope;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.charter.service.tenancy.SignedIn;

/** Figures for each role's landing page, each from one aggregate query. */
@Stateless
@Guarded
@Permit({Role.PLATFORM_ADMIN, Role.HQ_ADMIN, Role.STORE_MANAGER, Role.EMPLOYEE})
public class DashboardService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    StoreScope scope;

    public Overview overview() {
        SignedIn caller = callers.current();
        if (caller.isPlatformAdmin()) {
            Object[] row = em.createQuery(
                            "select count(f), sum(case when f.status = :suspended then 1 else 0 end) from Franchise f",
                            Object[].class)
                    .setParameter("suspended", FranchiseStatus.SUSPENDED)
                    .getSingleResult();
            return new Overview(null, number(row[0]), number(row[1]), 0, 0, 0, 0, 0, 0);
        }
        String name = em.find(Franchise.class, caller.franchiseId()).getName();
        if (caller.hasAnyRole(Role.HQ_ADMIN)) {
            long regions =
                    em.createQuery("select count(r) from Region r", Long.class).getSingleResult();
            long stores = em.createQuery("select count(s) from Store s where s.active = true", Long.class)
                    .getSingleResult();
            Object[] people = em.createQuery(
                            "select sum(case when p.status = :active then 1 else 0 end),"
                                    + " sum(case when p.status = :leave then 1 else 0 end),"
                                    + " sum(case when p.status <> :left and p.account.passwordHash is null then 1 else 0 end)"
                                    + " from Person p",
                            Object[].class)
                    .setParameter("active", PersonStatus.ACTIVE)
                    .setParameter("leave", PersonStatus.ON_LEAVE)
                    .setParameter("left", PersonStatus.LEFT)
                    .getSingleResult();
            long managers = em.createQuery(
                            "select count(distinct m.person) from StoreMembership m where m.role = :manager",
                            Long.class)
                    .setParameter("manager", MembershipRole.MANAGER)
                    .getSingleResult();
            return new Overview(
                    name, 0, 0, regions, stores, number(people[0]), number(people[1]), managers, number(people[2]));
        }
        if (caller.hasAnyRole(Role.STORE_MANAGER)) {
            List<String> mine = scope.managedStoreIds();
            if (mine.isEmpty()) {
                return new Overview(name, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            Object[] people = em.createQuery(
                            "select sum(case when p.status = :active then 1 else 0 end),"
                                    + " sum(case when p.status = :leave then 1 else 0 end),"
                                    + " sum(case when p.status <> :left and p.account.passwordHash is null then 1 else 0 end)"
                                    + " from Person p where exists (select m from StoreMembership m"
                                    + " where m.person = p and m.role = :staff and m.store.id in :mine)",
                            Object[].class)
                    .setParameter("active", PersonStatus.ACTIVE)
                    .setParameter("leave", PersonStatus.ON_LEAVE)
                    .setParameter("left", PersonStatus.LEFT)
                    .setParameter("staff", MembershipRole.STAFF)
                    .setParameter("mine", mine)
                    .getSingleResult();
            return new Overview(name, 0, 0, 0, mine.size(), number(people[0]), number(people[1]), 0, number(people[2]));
        }
        return new Overview(name, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
