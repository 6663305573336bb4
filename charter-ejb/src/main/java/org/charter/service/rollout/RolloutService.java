package org.charter.service.rollout;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.VersionStatus;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Franchise;
import org.charter.model.people.Role;
import org.charter.model.rollout.Rollout;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/** HQ starts the rollout of a frozen version, watches who still blocks it, and publishes once nobody does. */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class RolloutService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    org.charter.service.training.QuizService quizzes;

    /**
     * Starts training on the frozen version: one assignment for every person who has not left and works in an
     * active store (their staff store first), due by {@code deadline}. Returns how many were assigned.
     */
    public int start(String versionId, LocalDate deadline) {
        CharterVersion version = version(versionId);
        if (deadline == null || deadline.isBefore(today())) {
            throw new BusinessException("error.rollout.deadline");
        }
        List<org.charter.model.franchise.Language> unquizzed = quizzes.languagesWithoutQuestions(version.getId());
        if (!unquizzed.isEmpty()) {
            throw new BusinessException(
                    "error.rollout.quizMissing",
                    String.join(", ", unquizzed.stream().map(l -> l.tag()).toList()));
        }
        version.startRollout();
        em.persist(new Rollout(version, deadline, callers.current().username()));
        em.flush();
        int assigned = em.createNativeQuery("insert into assignment"
                        + " (id, tenant_id, version_id, person_id, store_id, status, due_date)"
                        + " select gen_random_uuid(), p.tenant_id, ?1, p.id, home.store_id, 'ASSIGNED', ?2"
                        + " from person p cross join lateral (select m.store_id from store_membership m"
                        + "  join store s on s.id = m.store_id and s.active"
                        + "  where m.person_id = p.id order by (m.role = 'STAFF') desc, s.code limit 1) home"
                        + " where p.status <> 'LEFT' and p.tenant_id = ?3")
                .setParameter(1, version.getId())
                .setParameter(2, deadline)
                .setParameter(3, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        audit.record(
                "rollout.started",
                "charterVersion",
                version.getId(),
                "v" + version.getNumber() + ", " + assigned + " people, due " + deadline);
        return assigned;
    }

    /** The version that is frozen or in rollout, if there is one (there is at most one). */
    public java.util.Optional<CharterVersion> onItsWay() {
        return em.createQuery("select v from CharterVersion v where v.status in :statuses", CharterVersion.class)
                .setParameter("statuses", List.of(VersionStatus.FROZEN, VersionStatus.ROLLOUT))
                .getResultStream()
                .findFirst();
    }

    public java.util.Optional<LocalDate> deadline(String versionId) {
        return em.createQuery("select r.deadline from Rollout r where r.charterVersion.id = :version", LocalDate.class)
                .setParameter("version", versionId)
                .getResultStream()
                .findFirst();
    }

    /** Every active store's progress on the version, most open first: the blockers board. One query. */
    public List<StoreProgress> progress(String versionId) {
        CharterVersion version = version(versionId);
        return em
                .createNativeQuery("select s.id, s.code, s.name, r.name, c.required, c.completed, c.excused, c.open"
                        + " from compliance_rollup c join store s on s.id = c.store_id and s.active"
                        + " left join region r on r.id = s.region_id"
                        + " where c.version_id = ?1 and c.tenant_id = ?2 order by c.open desc, s.code")
                .setParameter(1, version.getId())
                .setParameter(2, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList()
                .stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new StoreProgress(
                            String.valueOf(r[0]),
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            ((Number) r[4]).intValue(),
                            ((Number) r[5]).intValue(),
                            ((Number) r[6]).intValue(),
                            ((Number) r[7]).intValue());
                })
                .toList();
    }

    /**
     * Publishes the version in rollout, in force from {@code effective}: refused, naming the stores, while anyone
     * of an active store is still open. The version row is locked first, so a hire or a completion committing
     * at the same moment is either counted here or sees the version already published.
     */
    public CharterVersion publish(String versionId, LocalDate effective) {
        CharterVersion version = version(versionId);
        if (version.getStatus() != VersionStatus.ROLLOUT) {
            throw new BusinessException("error.charter.notInRollout", version.getNumber());
        }
        em.createNativeQuery("select id from charter_version where id = ?1 for update")
                .setParameter(1, version.getId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        List<String> blocking = progress(versionId).stream()
                .filter(store -> store.open() > 0)
                .map(store -> store.code() + " (" + store.open() + ")")
                .toList();
        if (!blocking.isEmpty()) {
            throw new BusinessException("error.rollout.blocked", String.join(", ", blocking));
        }
        LocalDate day = effective == null ? today() : effective;
        if (day.isBefore(today())) {
            throw new BusinessException("error.rollout.effectivePast");
        }
        for (CharterVersion inForce : em.createQuery(
                        "select v from CharterVersion v where v.status = :published", CharterVersion.class)
                .setParameter("published", VersionStatus.PUBLISHED)
                .getResultList()) {
            inForce.supersede();
        }
        em.flush();
        version.publish(day, clock.now());
        audit.record(
                "rollout.published", "charterVersion", version.getId(), "v" + version.getNumber() + " from " + day);
        return version;
    }

    /** The franchise's training settings: days for new hires, days after returning from leave. */
    public Franchise settings() {
        return em.find(Franchise.class, callers.current().franchiseId());
    }

    public Franchise changeDueDays(int forNewHires, int afterReturn) {
        Franchise franchise = settings();
        franchise.changeDueDays(forNewHires, afterReturn);
        audit.record("franchise.dueDays", "franchise", franchise.getId(), forNewHires + "/" + afterReturn);
        return franchise;
    }

    private CharterVersion version(String versionId) {
        CharterVersion version = Ids.isWellFormed(versionId) ? em.find(CharterVersion.class, versionId) : null;
        if (version == null) {
            throw new NotFoundException("charterVersion", versionId);
        }
        return version;
    }

    private LocalDate today() {
        Franchise franchise = em.find(Franchise.class, callers.current().franchiseId());
        return clock.now().atZoneSameInstant(ZoneId.of(franchise.getTimeZone())).toLocalDate();
    }
}
