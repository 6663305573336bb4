package org.charter.service.sessions;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.VersionStatus;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.model.rollout.Acknowledgement;
import org.charter.model.store.Store;
import org.charter.model.training.SessionSeat;
import org.charter.model.training.TrainingSession;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.database.Rows;
import org.charter.service.rollout.Signatures;
import org.charter.service.security.DeviceConfirmation;
import org.charter.service.store.StoreScope;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.charter.service.training.QuizPaper;
import org.charter.service.training.QuizResult;
import org.charter.service.training.Reading;
import org.eclipse.persistence.config.QueryHints;

/**
 * Training sessions a store manager holds in their own store: planning them in the store's time zone, inviting
 * people up to the capacity, recording who came, and letting people take the quiz and sign one after another
 * on the manager's device, each confirming with their own PIN or password.
 */
@Stateless
@Guarded
@Permit({Role.STORE_MANAGER, Role.HQ_ADMIN})
public class SessionService {

    private static final String LINES = "select t.id::text, s.id::text, s.code, s.name, v.number, t.starts_at,"
            + " s.time_zone, t.duration_minutes, t.place, t.trainer, t.capacity,"
            + " (select count(*) from session_seat x where x.session_id = t.id),"
            + " (select count(*) from session_seat x where x.session_id = t.id and x.attended),"
            + " (select count(*) from acknowledgement k where k.session_id = t.id), t.cancelled"
            + " from training_session t join store s on s.id = t.store_id"
            + " join charter_version v on v.id = t.version_id where t.tenant_id = ?1";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    StoreScope scope;

    @Inject
    Signatures signatures;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    /**
     * Plans a session on the version in rollout (or, between rollouts, the version in force, for new people).
     * The start is read on the store's clock.
     */
    public TrainingSession schedule(String storeId, SessionForm form) {
        Store store = scope.requireStore(storeId);
        CharterVersion version = versionToTrain();
        TrainingSession session =
                new TrainingSession(store, version, callers.current().username());
        plan(session, store, form);
        em.persist(session);
        em.flush();
        audit.record("session.scheduled", "session", session.getId(), store.getCode() + " " + session.getStartsAt());
        return session;
    }

    public TrainingSession reschedule(String sessionId, long expectedVersion, SessionForm form) {
        TrainingSession session = session(sessionId);
        if (session.getVersion() != expectedVersion) {
            throw new BusinessException("error.concurrentChange");
        }
        plan(session, session.getStore(), form);
        if (seatCount(session) > session.getCapacity()) {
            throw new BusinessException("error.session.belowInvited", seatCount(session));
        }
        audit.record("session.changed", "session", session.getId(), String.valueOf(session.getStartsAt()));
        return session;
    }

    /**
     * Moves a session to another start on its store's clock (dragged in the calendar), keeping its length, place,
     * trainer and seats: the same checks as changing it in its form. A cancelled session stays where it was.
     */
    public TrainingSession move(String sessionId, java.time.LocalDateTime start) {
        TrainingSession session = session(sessionId);
        if (session.isCancelled()) {
            throw new BusinessException("error.session.cancelled");
        }
        return reschedule(
                sessionId,
                session.getVersion(),
                new SessionForm(
                        start,
                        session.getDurationMinutes(),
                        session.getPlace(),
                        session.getTrainer(),
                        session.getCapacity()));
    }

    public void cancel(String sessionId) {
        TrainingSession session = session(sessionId);
        session.cancel();
        audit.record("session.cancelled", "session", session.getId(), String.valueOf(session.getStartsAt()));
    }

    /** The sessions of the stores the caller manages (all stores for HQ), from {@code from} on, soonest first. */
    public List<SessionLine> calendar(java.time.OffsetDateTime from) {
        List<String> stores = scope.managedStoreIds();
        if (stores != null && stores.isEmpty()) {
            return List.of();
        }
        var query = em.createNativeQuery(LINES + " and t.starts_at + make_interval(mins => t.duration_minutes) >= ?2"
                        + (stores == null ? "" : " and t.store_id = any (cast(?3 as uuid[]))")
                        + " order by t.starts_at, s.code")
                .setParameter(1, callers.current().franchiseId())
                .setParameter(2, from)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
        if (stores != null) {
            query.setParameter(3, "{" + String.join(",", stores) + "}");
        }
        return lines(query);
    }

    public SessionLine line(String sessionId) {
        TrainingSession session = session(sessionId);
        return lines(em.createNativeQuery(LINES + " and t.id = ?2")
                        .setParameter(1, callers.current().franchiseId())
                        .setParameter(2, session.getId())
                        .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true))
                .get(0);
    }

    /** Invites people of the session's store; refused beyond the capacity, naming how many seats are left. */
    public void invite(String sessionId, Collection<String> personIds) {
        TrainingSession session = session(sessionId);
        requireOpen(session);
        em.createNativeQuery("select id from training_session where id = ?1 for update")
                .setParameter(1, session.getId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        Set<String> already = Set.copyOf(seatedIds(session));
        List<Person> newcomers = personIds.stream()
                .distinct()
                .filter(id -> !already.contains(id))
                .map(id -> personOfStore(session, id))
                .toList();
        long free = session.getCapacity() - already.size();
        if (newcomers.size() > free) {
            throw new BusinessException("error.session.full", Math.max(0, free));
        }
        for (Person person : newcomers) {
            em.persist(new SessionSeat(session, person));
        }
        em.flush();
        if (!newcomers.isEmpty()) {
            audit.record("session.invited", "session", session.getId(), newcomers.size() + " people");
        }
    }

    public void uninvite(String sessionId, String personId) {
        TrainingSession session = session(sessionId);
        SessionSeat seat = seat(session, personId);
        em.remove(seat);
        audit.record(
                "session.uninvited",
                "session",
                session.getId(),
                seat.getPerson().getFullName());
    }

    /** Who is invited, whether they came, whether they have passed the quiz and signed. */
    public List<SeatLine> seats(String sessionId) {
        TrainingSession session = session(sessionId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.id::text, p.full_name, p.preferred_locale, x.attended,"
                        + " a.status, exists (select 1 from quiz_attempt q where q.person_id = p.id"
                        + "   and q.version_id = ?2 and q.passed)"
                        + " from session_seat x join person p on p.id = x.person_id"
                        + " left join assignment a on a.person_id = p.id and a.version_id = ?2"
                        + " where x.session_id = ?1 and x.tenant_id = ?3 order by lower(p.full_name)")
                .setParameter(1, session.getId())
                .setParameter(2, session.getCharterVersion().getId())
                .setParameter(3, callers.current().franchiseId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        return rows.stream()
                .map(r -> new SeatLine(
                        (String) r[0], (String) r[1], (String) r[2], (Boolean) r[3], (String) r[4], (Boolean) r[5]))
                .toList();
    }

    /** The people of the session's store who could still be invited: not seated, not done with the version. */
    public List<SeatLine> invitable(String sessionId) {
        TrainingSession session = session(sessionId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.id::text, p.full_name, p.preferred_locale, a.status"
                        + " from assignment a join person p on p.id = a.person_id"
                        + " where a.version_id = ?1 and a.store_id = ?2 and a.tenant_id = ?3"
                        + " and a.status in ('ASSIGNED', 'EXCUSED')"
                        + " and not exists (select 1 from session_seat x where x.session_id = ?4 and x.person_id = p.id)"
                        + " order by lower(p.full_name)")
                .setParameter(1, session.getCharterVersion().getId())
                .setParameter(2, session.getStore().getId())
                .setParameter(3, callers.current().franchiseId())
                .setParameter(4, session.getId())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        return rows.stream()
                .map(r -> new SeatLine((String) r[0], (String) r[1], (String) r[2], null, (String) r[3], false))
                .toList();
    }

    /** Records who came: {@code true} came, {@code false} did not, absent keys stay as they were. */
    public void recordAttendance(String sessionId, Map<String, Boolean> came) {
        TrainingSession session = session(sessionId);
        for (SessionSeat seat : em.createQuery(
                        "select x from SessionSeat x where x.session = :session", SessionSeat.class)
                .setParameter("session", session)
                .getResultList()) {
            if (came.containsKey(seat.getPerson().getId())) {
                seat.setAttended(came.get(seat.getPerson().getId()));
            }
        }
        audit.record("session.attendance", "session", session.getId(), came.size() + " people");
    }

    // Signing on the manager's device ----------------------------------------------------------------------

    public Reading reading(String sessionId, String personId) {
        Person person = seatedPerson(sessionId, personId);
        return signatures.read(person, session(sessionId).getCharterVersion().getId(), person.getLanguage());
    }

    public QuizPaper quiz(String sessionId, String personId) {
        Person person = seatedPerson(sessionId, personId);
        return signatures.paper(person, session(sessionId).getCharterVersion().getId(), person.getLanguage());
    }

    /**
     * The account that must confirm, with its own PIN, before a seated person takes the quiz or signs on the
     * manager's device. Not found for anyone who is not seated in this session.
     */
    public String accountToConfirm(String sessionId, String personId) {
        Person person = seatedPerson(sessionId, personId);
        if (person.getAccount() == null) {
            throw new BusinessException("error.session.secret");
        }
        return person.getAccount().getId();
    }

    /** The seated person's quiz try on the manager's device; they confirmed with their PIN just before. */
    public QuizResult answer(
            String sessionId, String personId, DeviceConfirmation confirmed, Map<String, Set<String>> answers) {
        Person person = seatedPerson(sessionId, personId);
        requireConfirmed(person, confirmed);
        return signatures.answer(
                person, session(sessionId).getCharterVersion().getId(), person.getLanguage(), answers, sessionId);
    }

    /**
     * The person at the manager's device signs, having confirmed with their own PIN; the signature names the
     * session, and the person is marked as having come.
     */
    public Acknowledgement sign(
            String sessionId, String personId, DeviceConfirmation confirmed, Signatures.Confirmation confirmation) {
        TrainingSession session = session(sessionId);
        Person person = seatedPerson(sessionId, personId);
        requireConfirmed(person, confirmed);
        if (!session.getCharterVersion().getId().equals(confirmation.versionId())) {
            throw new NotFoundException("charterVersion", confirmation.versionId());
        }
        signatures.sign(
                Signatures.Signer.of(person), confirmation, Signatures.ConfirmedBy.SESSION_PIN, session.getId());
        seat(session, personId).setAttended(true);
        return signatures.signature(person, confirmation.versionId()).orElseThrow();
    }

    private void requireConfirmed(Person person, DeviceConfirmation confirmed) {
        if (confirmed == null
                || person.getAccount() == null
                || !confirmed.covers(person.getAccount().getId(), clock.now())) {
            throw new BusinessException("error.session.secret");
        }
    }

    /** The language a person reads in on the manager's device: their own. */
    public Language languageOf(String sessionId, String personId) {
        return seatedPerson(sessionId, personId).getLanguage();
    }

    // ------------------------------------------------------------------------------------------------------

    private void plan(TrainingSession session, Store store, SessionForm form) {
        if (form == null || form.start() == null) {
            throw new BusinessException("error.required", "startsAt");
        }
        ZonedDateTime start = form.start().atZone(ZoneId.of(store.getTimeZone()));
        if (start.toOffsetDateTime().isBefore(clock.now())) {
            throw new BusinessException("error.session.past");
        }
        session.plan(start.toOffsetDateTime(), form.durationMinutes(), form.place(), form.trainer(), form.capacity());
    }

    private CharterVersion versionToTrain() {
        List<CharterVersion> versions = em.createQuery(
                        "select v from CharterVersion v where v.status in :statuses order by v.number desc",
                        CharterVersion.class)
                .setParameter("statuses", List.of(VersionStatus.ROLLOUT, VersionStatus.PUBLISHED))
                .getResultList();
        return versions.stream()
                .filter(v -> v.getStatus() == VersionStatus.ROLLOUT)
                .findFirst()
                .or(() -> versions.stream().findFirst())
                .orElseThrow(() -> new BusinessException("error.session.nothingToTrain"));
    }

    /** Anyone who works in the session's store (its manager included); anyone else is "not found". */
    private Person personOfStore(TrainingSession session, String personId) {
        Person person = Ids.isWellFormed(personId) ? em.find(Person.class, personId) : null;
        if (person == null) {
            throw new NotFoundException("person", personId);
        }
        boolean inStore = !em.createQuery(
                        "select m.id from StoreMembership m where m.person = :person and m.store = :store",
                        String.class)
                .setParameter("person", person)
                .setParameter("store", session.getStore())
                .getResultList()
                .isEmpty();
        if (!inStore) {
            throw new NotFoundException("person", personId);
        }
        return person;
    }

    private Person seatedPerson(String sessionId, String personId) {
        return seat(session(sessionId), personId).getPerson();
    }

    private SessionSeat seat(TrainingSession session, String personId) {
        return em.createQuery(
                        "select x from SessionSeat x where x.session = :session and x.person.id = :person",
                        SessionSeat.class)
                .setParameter("session", session)
                .setParameter("person", Ids.isWellFormed(personId) ? personId : "")
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("person", personId));
    }

    private List<String> seatedIds(TrainingSession session) {
        return em.createQuery("select x.person.id from SessionSeat x where x.session = :session", String.class)
                .setParameter("session", session)
                .getResultList();
    }

    private long seatCount(TrainingSession session) {
        return seatedIds(session).size();
    }

    private static void requireOpen(TrainingSession session) {
        if (session.isCancelled()) {
            throw new BusinessException("error.session.cancelled");
        }
    }

    /** A session of a store the caller may manage; any other is "not found". */
    private TrainingSession session(String sessionId) {
        TrainingSession session = Ids.isWellFormed(sessionId) ? em.find(TrainingSession.class, sessionId) : null;
        if (session == null) {
            throw new NotFoundException("session", sessionId);
        }
        try {
            scope.requireStore(session.getStore().getId());
        } catch (NotFoundException foreignStore) {
            throw new NotFoundException("session", sessionId);
        }
        return session;
    }

    @SuppressWarnings("unchecked")
    private static List<SessionLine> lines(jakarta.persistence.Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new SessionLine(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        Rows.instant(r[5]).atZoneSameInstant(ZoneId.of((String) r[6])),
                        ((Number) r[7]).intValue(),
                        (String) r[8],
                        (String) r[9],
                        ((Number) r[10]).intValue(),
                        ((Number) r[11]).intValue(),
                        ((Number) r[12]).intValue(),
                        ((Number) r[13]).intValue(),
                        (Boolean) r[14]))
                .toList();
    }
}
