package org.charter.service.rollout;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.VersionStatus;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Franchise;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.model.rollout.Assignment;
import org.charter.model.rollout.AssignmentStatus;
import org.charter.model.store.Store;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.people.PeopleService;
import org.charter.service.store.StoreScope;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * Training store by store: who in a store stands where on a version (HQ for any store, a manager for their own),
 * excusing someone on leave with a return date, and for HQ every excuse and every open person in one list.
 */
@Stateless
@Guarded
@Permit({Role.STORE_MANAGER, Role.HQ_ADMIN})
public class StoreTrainingService {

    public static final int REASON_LENGTH = 500;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    StoreScope scope;

    @Inject
    PeopleService people;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ProgressRows progressRows;

    /** The version whose rollout is running, if any. */
    public Optional<CharterVersion> inRollout() {
        return em.createQuery("select v from CharterVersion v where v.status = :status", CharterVersion.class)
                .setParameter("status", VersionStatus.ROLLOUT)
                .getResultStream()
                .findFirst();
    }

    /** The caller's stores (every store for HQ) on the version in rollout: required, done, excused, open. */
    public List<StoreProgress> myStores() {
        Optional<CharterVersion> running = inRollout();
        List<String> stores = scope.managedStoreIds();
        if (running.isEmpty() || (stores != null && stores.isEmpty())) {
            return List.of();
        }
        return progressRows.stores(running.get().getId(), stores, null, 0);
    }

    /**
     * The people of the caller's stores (every store for HQ) still to sign the version in rollout, soonest due
     * first, at most {@code limit}: whom to invite to a training session.
     */
    public List<PersonProgress> stillOpen(int limit) {
        Optional<CharterVersion> running = inRollout();
        List<String> stores = scope.managedStoreIds();
        if (running.isEmpty() || (stores != null && stores.isEmpty())) {
            return List.of();
        }
        return rows(
                ProgressRows.PEOPLE + " and a.status = 'ASSIGNED'"
                        + (stores == null ? "" : " and a.store_id = any (cast(?3 as uuid[]))")
                        + " order by a.due_date, s.code, lower(p.full_name) limit " + Math.max(1, limit),
                running.get().getId(),
                stores == null ? null : "{" + String.join(",", stores) + "}");
    }

    /** Everyone of a store on the version, open ones first. */
    public List<PersonProgress> people(String versionId, String storeId) {
        CharterVersion version = version(versionId);
        Store store = scope.requireStore(storeId);
        return rows(
                ProgressRows.PEOPLE
                        + " and a.store_id = ?3 order by (a.status = 'ASSIGNED') desc, (a.status = 'EXCUSED') desc,"
                        + " lower(p.full_name)",
                version.getId(),
                store.getId());
    }

    /** HQ: every person still open or excused on the version, by region and store (for the CSV export). */
    @Permit(Role.HQ_ADMIN)
    public List<PersonProgress> notDone(String versionId) {
        CharterVersion version = version(versionId);
        return rows(
                ProgressRows.PEOPLE + " and a.status in ('ASSIGNED', 'EXCUSED') order by rg.name nulls last, s.code,"
                        + " lower(p.full_name)",
                version.getId(),
                null);
    }

    /** HQ: every excuse given on the version. */
    @Permit(Role.HQ_ADMIN)
    public List<PersonProgress> excuses(String versionId) {
        CharterVersion version = version(versionId);
        return progressRows.excused(version.getId(), null);
    }

    /**
     * Excuses someone on leave from the version until they return; they then have the franchise's return days to
     * complete it. Only an open assignment can be excused.
     */
    public void excuse(String versionId, String personId, String reason, LocalDate returnDate) {
        CharterVersion version = version(versionId);
        Person person = people.getPerson(personId);
        String tidy = reason == null ? "" : reason.strip();
        if (tidy.isEmpty()) {
            throw new BusinessException("error.excuse.reason");
        }
        if (tidy.length() > REASON_LENGTH) {
            throw new BusinessException("error.tooLong", "reason", REASON_LENGTH);
        }
        Franchise franchise = em.find(Franchise.class, callers.current().franchiseId());
        LocalDate today = clock.now()
                .atZoneSameInstant(java.time.ZoneId.of(franchise.getTimeZone()))
                .toLocalDate();
        if (returnDate == null || returnDate.isBefore(today)) {
            throw new BusinessException("error.excuse.returnDate");
        }
        Assignment assignment = assignment(version, person);
        if (assignment == null || !assignment.isOpen()) {
            throw new BusinessException("error.excuse.notOpen", person.getFullName());
        }
        assignment.excuse(
                tidy, returnDate, callers.current().username(), returnDate.plusDays(franchise.getReturnDays()));
        audit.record(
                "assignment.excused",
                "person",
                person.getId(),
                "v" + version.getNumber() + " until " + returnDate + ": " + tidy);
    }

    /** Takes an excuse back: the person is open again, due by the rollout's deadline (or today if that passed). */
    public void withdrawExcuse(String versionId, String personId) {
        CharterVersion version = version(versionId);
        Person person = people.getPerson(personId);
        Assignment assignment = assignment(version, person);
        if (assignment == null || assignment.getStatus() != AssignmentStatus.EXCUSED) {
            throw new BusinessException("error.excuse.none", person.getFullName());
        }
        LocalDate today = clock.now()
                .atZoneSameInstant(java.time.ZoneId.of(
                        em.find(Franchise.class, callers.current().franchiseId())
                                .getTimeZone()))
                .toLocalDate();
        LocalDate deadline = em.createQuery(
                        "select r.deadline from Rollout r where r.charterVersion.id = :version", LocalDate.class)
                .setParameter("version", version.getId())
                .getResultStream()
                .findFirst()
                .orElse(today);
        assignment.withdrawExcuse(deadline.isBefore(today) ? today : deadline);
        audit.record("assignment.excuseWithdrawn", "person", person.getId(), "v" + version.getNumber());
    }

    /** The person's assignment of the version, or null; through the tenant's own rows like every query here. */
    private Assignment assignment(CharterVersion version, Person person) {
        return em.createQuery(
                        "select a from Assignment a where a.versionId = :version and a.personId = :person",
                        Assignment.class)
                .setParameter("version", version.getId())
                .setParameter("person", person.getId())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private List<PersonProgress> rows(String sql, String versionId, String storeId) {
        return progressRows.find(sql, versionId, storeId);
    }

    private CharterVersion version(String versionId) {
        CharterVersion version = Ids.isWellFormed(versionId) ? em.find(CharterVersion.class, versionId) : null;
        if (version == null) {
            throw new NotFoundException("charterVersion", versionId);
        }
        return version;
    }
}
