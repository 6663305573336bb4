package org.charter.service.people;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.MembershipRole;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.model.people.StoreMembership;
import org.charter.model.store.Store;
import org.charter.service.audit.AuditTrail;
import org.charter.service.store.StoreScope;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * People of the franchise. HQ appoints store managers; a store manager keeps the roster of the stores they
 * manage. People who leave are marked so and their sign-in stops; nobody is ever deleted, because what they
 * signed must stay with their name.
 */
@Stateless
@Guarded
@Permit({Role.HQ_ADMIN, Role.STORE_MANAGER})
public class PeopleService {

    private static final String ROSTER = "select new org.charter.service.people.RosterLine(p.id, p.fullName,"
            + " a.username, p.employeeNumber, p.hireDate, p.status, p.preferredLocale, m.role,"
            + " (case when a.passwordHash is null then true else false end),"
            + " (case when p.email is null or trim(p.email) = '' then true else false end), p.version)"
            + " from StoreMembership m join m.person p join p.account a";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    StoreScope scope;

    @Inject
    Enrolment enrolment;

    @Inject
    AuditTrail audit;

    @Inject
    Callers callers;

    @Inject
    org.charter.service.rollout.StaffChanges staffChanges;

    // Roster of a store -------------------------------------------------------------------------------------

    public List<RosterLine> roster(String storeId) {
        Store store = scope.requireStore(storeId);
        return em.createQuery(ROSTER + " where m.store = :store order by m.role, lower(p.fullName)", RosterLine.class)
                .setParameter("store", store)
                .getResultList();
    }

    public Issued addEmployee(String storeId, PersonForm form) {
        Store store = scope.requireStore(storeId);
        Enrolment.Enrolled enrolled = enrolment.enrol(callers.current().franchiseId(), form, EnumSet.of(Role.EMPLOYEE));
        em.persist(new StoreMembership(enrolled.person(), store, MembershipRole.STAFF));
        staffChanges.joined(callers.current().franchiseId(), enrolled.person().getId(), store.getId());
        audit.record(
                "person.hired",
                "person",
                enrolled.person().getId(),
                enrolled.person().getFullName() + " @ " + store.getCode());
        return enrolled.issued();
    }

    public Person updatePerson(String personId, PersonForm form) {
        Person person = getPerson(personId);
        if (person.getVersion() != form.version()) {
            throw new BusinessException("error.concurrentChange");
        }
        person.describe(form.fullName(), form.employeeNumber(), form.hireDate(), form.language(), form.email());
        enrolment.requireFreeEmployeeNumber(person.getEmployeeNumber(), person.getId());
        audit.record("person.updated", "person", person.getId(), person.getFullName());
        return person;
    }

    public Person sendOnLeave(String personId) {
        Person person = getPerson(personId);
        person.goOnLeave();
        audit.record("person.onLeave", "person", person.getId(), person.getFullName());
        return person;
    }

    public Person returnToWork(String personId) {
        Person person = getPerson(personId);
        person.returnToWork();
        audit.record("person.returned", "person", person.getId(), person.getFullName());
        return person;
    }

    public Person markLeft(String personId, LocalDate on) {
        Person person = getPerson(personId);
        if (person.getAccount().getId().equals(callers.current().accountId())) {
            throw new BusinessException("error.person.self");
        }
        person.leave(on == null ? LocalDate.now() : on);
        staffChanges.left(person.getId());
        audit.record("person.left", "person", person.getId(), person.getFullName() + " " + person.getLeftOn());
        return person;
    }

    public Person rehire(String personId) {
        Person person = getPerson(personId);
        person.rehire();
        homeStore(person)
                .ifPresent(storeId -> staffChanges.joined(callers.current().franchiseId(), person.getId(), storeId));
        audit.record("person.rehired", "person", person.getId(), person.getFullName());
        return person;
    }

    public Issued resetAccess(String personId) {
        Person person = getPerson(personId);
        Issued issued = enrolment.reissue(person);
        audit.record("person.accessReset", "person", person.getId(), person.getFullName());
        return issued;
    }

    /** The store a person counts for in training: their staff store first, else the first store they manage. */
    private java.util.Optional<String> homeStore(Person person) {
        return em.createQuery(
                        "select m.store.id from StoreMembership m where m.person = :person"
                                + " order by (case when m.role = :staff then 0 else 1 end), m.store.code",
                        String.class)
                .setParameter("person", person)
                .setParameter("staff", MembershipRole.STAFF)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** A person the caller may act on: anyone for HQ, the staff of their own stores for a store manager. */
    public Person getPerson(String personId) {
        Person person = Ids.isWellFormed(personId) ? em.find(Person.class, personId) : null;
        if (person == null) {
            throw new NotFoundException("person", personId);
        }
        List<String> mine = scope.managedStoreIds();
        if (mine != null) {
            boolean mayAct = !mine.isEmpty()
                    && em.createQuery(
                                            "select count(m) from StoreMembership m where m.person = :person"
                                                    + " and m.role = :staff and m.store.id in :mine",
                                            Long.class)
                                    .setParameter("person", person)
                                    .setParameter("staff", MembershipRole.STAFF)
                                    .setParameter("mine", mine)
                                    .getSingleResult()
                            > 0;
            if (!mayAct) {
                throw new NotFoundException("person", personId);
            }
        }
        return person;
    }

    // Store managers (HQ) -----------------------------------------------------------------------------------

    @Permit(Role.HQ_ADMIN)
    public List<RosterLine> listManagers() {
        return em
                .createQuery(
                        ROSTER + " where m.role = :manager order by lower(p.fullName), m.store.code", RosterLine.class)
                .setParameter("manager", MembershipRole.MANAGER)
                .getResultList()
                .stream()
                .distinct()
                .toList();
    }

    /** Stores a manager manages, by store id. */
    @Permit(Role.HQ_ADMIN)
    public List<String> storesManagedBy(String personId) {
        return em.createQuery(
                        "select m.store.id from StoreMembership m where m.person.id = :person and m.role = :manager",
                        String.class)
                .setParameter("person", personId)
                .setParameter("manager", MembershipRole.MANAGER)
                .getResultList();
    }

    @Permit(Role.HQ_ADMIN)
    public Issued appointManager(PersonForm form, List<String> storeIds) {
        if (storeIds == null || storeIds.isEmpty()) {
            throw new BusinessException("error.manager.noStore");
        }
        Enrolment.Enrolled enrolled =
                enrolment.enrol(callers.current().franchiseId(), form, EnumSet.of(Role.STORE_MANAGER, Role.EMPLOYEE));
        for (String storeId : storeIds) {
            em.persist(new StoreMembership(enrolled.person(), scope.requireStore(storeId), MembershipRole.MANAGER));
        }
        // managers sign the charter too, like everyone who works in a store
        staffChanges.joined(callers.current().franchiseId(), enrolled.person().getId(), storeIds.get(0));
        audit.record(
                "manager.appointed",
                "person",
                enrolled.person().getId(),
                enrolled.person().getFullName() + " " + storeIds.size() + " store(s)");
        return enrolled.issued();
    }

    /** Sets the stores a manager manages to exactly {@code storeIds}. */
    @Permit(Role.HQ_ADMIN)
    public void assignStores(String personId, List<String> storeIds) {
        Person person = getPerson(personId);
        if (storeIds == null || storeIds.isEmpty()) {
            throw new BusinessException("error.manager.noStore");
        }
        List<StoreMembership> current = em.createQuery(
                        "select m from StoreMembership m where m.person = :person and m.role = :manager",
                        StoreMembership.class)
                .setParameter("person", person)
                .setParameter("manager", MembershipRole.MANAGER)
                .getResultList();
        current.stream().filter(m -> !storeIds.contains(m.getStore().getId())).forEach(em::remove);
        List<String> kept = current.stream().map(m -> m.getStore().getId()).toList();
        storeIds.stream()
                .filter(id -> !kept.contains(id))
                .forEach(id -> em.persist(new StoreMembership(person, scope.requireStore(id), MembershipRole.MANAGER)));
        audit.record("manager.stores", "person", person.getId(), person.getFullName() + " " + storeIds.size());
    }

    // The caller themself -----------------------------------------------------------------------------------

    @Permit({Role.HQ_ADMIN, Role.STORE_MANAGER, Role.EMPLOYEE})
    public Person myself() {
        return em.createQuery("select p from Person p where p.account.id = :account", Person.class)
                .setParameter("account", callers.current().accountId())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("person", "me"));
    }

    @Permit({Role.HQ_ADMIN, Role.STORE_MANAGER, Role.EMPLOYEE})
    public List<String> myStoreNames() {
        return em.createQuery(
                        "select distinct concat(m.store.code, ' ', m.store.name) from StoreMembership m"
                                + " where m.person.account.id = :account",
                        String.class)
                .setParameter("account", callers.current().accountId())
                .getResultList();
    }
}
