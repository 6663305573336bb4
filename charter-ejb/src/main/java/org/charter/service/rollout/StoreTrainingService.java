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
import org.charter.model.store.Store;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.people.PeopleService;
import org.charter.service.store.StoreScope;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

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
        int changed = em.createNativeQuery("update assignment set status = 'EXCUSED', excused_reason = ?1,"
                        + " excused_until = ?2, excused_by = ?3, due_date = ?4, version = version + 1"
                        + " where version_id = ?5 and person_id = ?6 and tenant_id = ?7 and status = 'ASSIGNED'")
                .setParameter(1, tidy)
                .setParameter(2, returnDate)
                .setParameter(3, callers.current().username())
                .setParameter(4, returnDate.plusDays(franchise.getReturnDays()))
                .setParameter(5, version.getId())
                .setParameter(6, person.getId())
                .setParameter(7, franchise.getId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        if (changed != 1) {
            throw new BusinessException("error.excuse.notOpen", person.getFullName());
        }
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
        int changed = em.createNativeQuery("update assignment a set status = 'ASSIGNED', excused_reason = null,"
                        + " excused_until = null, excused_by = null, version = a.version + 1,"
                        + " due_date = coalesce((select greatest(r.deadline, current_date) from rollout r"
                        + "   where r.version_id = a.version_id), current_date)"
                        + " where a.version_id = ?1 and a.person_id = ?2 and a.tenant_id = ?3 and a.status = 'EXCUSED'")
                .setParameter(1, version.getId())
                .setParameter(2, person.getId())
                .setParameter(3, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        if (changed != 1) {
            throw new BusinessException("error.excuse.none", person.getFullName());
        }
        audit.record("assignment.excuseWithdrawn", "person", person.getId(), "v" + version.getNumber());
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
