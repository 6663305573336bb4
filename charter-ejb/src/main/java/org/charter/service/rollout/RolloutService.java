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
import org.charter.service.database.Rows;
import org.charter.service.notice.ReminderPlanner;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.eclipse.persistence.config.QueryHints;

/** HQ starts the rollout of a frozen version, watches who still blocks it, and publishes once nobody does. */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class RolloutService {

    @Inject
    jakarta.enterprise.event.Event<VersionPublished> published;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    ReminderPlanner planner;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    org.charter.service.training.QuizService quizzes;

    @Inject
    ProgressRows progressRows;

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
        // everyone assigned hears of it in their inbox at once (and by mail), in the same transaction
        planner.announceRollout(callers.current().franchiseId(), version.getId(), clock.now());
        audit.record(
                "rollout.started",
                "charterVersion",
                version.getId(),
                "v" + version.getNumber() + ", " + assigned + " people, due " + deadline);
        return assigned;
    }

    /** Everything the rollout page shows, in one transaction; {@code pageSize} stores on the first page. */
    public Board board(int pageSize) {
        Franchise franchise = settings();
        // the rollout with its version in one query; a frozen version has no rollout yet
        Rollout running = em.createQuery(
                        "select r from Rollout r join fetch r.charterVersion v where v.status = :rollout",
                        Rollout.class)
                .setParameter("rollout", VersionStatus.ROLLOUT)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (running == null) {
            CharterVersion frozen = onItsWay().orElse(null);
            return new Board(
                    frozen,
                    null,
                    List.of(),
                    0,
                    List.of(),
                    List.of(),
                    0,
                    franchise.getNewHireDays(),
                    franchise.getReturnDays(),
                    frozen == null
                            ? List.of()
                            : quizzes.languagesWithoutQuestions(frozen.getId()).stream()
                                    .map(l -> l.tag())
                                    .toList(),
                    today());
        }
        CharterVersion version = running.getCharterVersion();
        @SuppressWarnings("unchecked")
        List<Object[]> regionRows = em.createNativeQuery("select r.name, count(*), sum(c.required), sum(c.completed),"
                        + " sum(c.excused), sum(c.open) from compliance_rollup c"
                        + " join store s on s.id = c.store_id and s.active left join region r on r.id = s.region_id"
                        + " where c.version_id = ?1 and c.tenant_id = ?2 group by r.name"
                        + " order by sum(c.open) desc, r.name nulls last")
                .setParameter(1, version.getId())
                .setParameter(2, franchise.getId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        List<StoreProgress> regions = regionRows.stream()
                .map(r -> new StoreProgress(
                        null,
                        null,
                        (String) r[0],
                        (String) r[0],
                        Rows.number(r[2]),
                        Rows.number(r[3]),
                        Rows.number(r[4]),
                        Rows.number(r[5])))
                .toList();
        int stores = regionRows.stream().mapToInt(r -> Rows.number(r[1])).sum();
        List<PersonProgress> excuses = progressRows.excused(version.getId(), Board.EXCUSES_SHOWN);
        int excused = regions.stream().mapToInt(StoreProgress::excused).sum();
        return new Board(
                version,
                running.getDeadline(),
                regions,
                stores,
                progressRows.stores(version.getId(), null, pageSize, 0),
                excuses,
                excused,
                franchise.getNewHireDays(),
                franchise.getReturnDays(),
                List.of(),
                today());
    }

    /** One page of the blockers board's stores, most open first. */
    public List<StoreProgress> stores(String versionId, int first, int pageSize) {
        return progressRows.stores(version(versionId).getId(), null, pageSize, first);
    }

    /** The version that is frozen or in rollout, if there is one (there is at most one). */
    public java.util.Optional<CharterVersion> onItsWay() {
        return em.createQuery("select v from CharterVersion v where v.status in :statuses", CharterVersion.class)
                .setParameter("statuses", List.of(VersionStatus.FROZEN, VersionStatus.ROLLOUT))
                .getResultStream()
                .findFirst();
    }

    /** Every active store's progress on the version, most open first: the blockers board. One query. */
    public List<StoreProgress> progress(String versionId) {
        CharterVersion version = version(versionId);
        return progressRows.stores(version.getId(), null, null, 0);
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
        Franchise franchise = em.find(Franchise.class, callers.current().franchiseId());
        published.fire(new VersionPublished(franchise.getId(), franchise.getSlug(), version.getNumber()));
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

    /** One day of a rollout: how many had signed by its end, on the franchise's clock. */
    public record SignedBy(LocalDate day, int signed) implements java.io.Serializable {}

    /**
     * How the version in rollout was signed over time: for each day from the start of the rollout to today, the
     * number of signatures by that day's end, on the franchise's clock. Empty when no version is in rollout.
     */
    public List<SignedBy> signedOverTime() {
        Franchise franchise = settings();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with v as (select v.id, v.tenant_id, r.started_at"
                        + "  from charter_version v join rollout r on r.version_id = v.id and r.tenant_id = v.tenant_id"
                        + "  where v.status = 'ROLLOUT' and v.tenant_id = cast(?2 as uuid)),"
                        + " signed as (select (a.completed_at at time zone ?1)::date as day, count(*) as n"
                        + "  from assignment a join v on a.version_id = v.id and a.tenant_id = v.tenant_id"
                        + "  where a.status = 'COMPLETED' group by 1)"
                        + " select d::date, coalesce(sum(signed.n) over (order by d), 0)"
                        + " from v, generate_series((v.started_at at time zone ?1)::date,"
                        + "  (now() at time zone ?1)::date, interval '1 day') d"
                        + " left join signed on signed.day = d::date order by 1")
                .setParameter(1, franchise.getTimeZone())
                .setParameter(2, franchise.getId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        return rows.stream()
                .map(r -> new SignedBy(
                        ((java.sql.Date) r[0]).toLocalDate(), org.charter.service.database.Rows.number(r[1])))
                .toList();
    }

    private LocalDate today() {
        Franchise franchise = em.find(Franchise.class, callers.current().franchiseId());
        return clock.now().atZoneSameInstant(ZoneId.of(franchise.getTimeZone())).toLocalDate();
    }
}
