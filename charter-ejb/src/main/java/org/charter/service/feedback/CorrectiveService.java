package org.charter.service.feedback;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.feedback.CorrectiveAction;
import org.charter.model.feedback.CorrectiveKind;
import org.charter.model.feedback.Feedback;
import org.charter.model.franchise.Language;
import org.charter.model.people.MembershipRole;
import org.charter.model.people.Person;
import org.charter.model.people.Role;
import org.charter.model.store.Store;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.notice.NoticeKind;
import org.charter.service.notice.ReminderPlanner;
import org.charter.service.people.PeopleService;
import org.charter.service.rollout.Signatures;
import org.charter.service.rollout.Statements;
import org.charter.service.store.StoreScope;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;
import org.charter.service.training.QuizPaper;
import org.charter.service.training.QuizResult;
import org.charter.service.training.Reading;

/**
 * Corrective actions on an employee, decided by their manager (or headquarters) from a complaint or from what
 * they saw; and, for the employee, their own actions and the retraining: the charter in force read again with its
 * section in focus, its quiz passed again and signed, the same way training is done. Each step is audited; the
 * employee hears of each action in their inbox (and by mail).
 */
@Stateless
@Guarded
public class CorrectiveService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    StoreScope scope;

    @Inject
    PeopleService people;

    @Inject
    CaseScope cases;

    @Inject
    Promises promises;

    @Inject
    Signatures signatures;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ReminderPlanner planner;

    /** An action as lists show it. */
    public record ActionLine(CorrectiveAction action, String personName, String sectionTitle, Integer versionNumber) {}

    /** The retraining as its employee works through it. */
    public record Retraining(
            CorrectiveAction action, Reading reading, String focus, QuizPaper paper, boolean quizPassed) {}

    /** A person of the store and an action of the manager's choosing; from the case {@code feedbackId} if given. */
    @Permit({Role.STORE_MANAGER, Role.HQ_ADMIN})
    public CorrectiveAction decide(
            String personId, String storeId, String feedbackId, CorrectiveAction.Decided decided) {
        Store store;
        if (feedbackId != null && !feedbackId.isBlank()) {
            Feedback feedback = cases.require(feedbackId);
            store = em.find(Store.class, feedback.getStoreId());
        } else {
            store = scope.requireStore(storeId);
        }
        Person person = people.getPerson(personId);
        boolean works = !em.createQuery(
                        "select m.id from StoreMembership m where m.person = :person and m.store = :store"
                                + " and m.role = :staff",
                        String.class)
                .setParameter("person", person)
                .setParameter("store", store)
                .setParameter("staff", MembershipRole.STAFF)
                .getResultList()
                .isEmpty();
        if (!works) {
            throw new NotFoundException("person", personId);
        }
        CharterVersion inForce = promises.inForce().orElse(null);
        String section = decided.sectionId() == null || decided.sectionId().isBlank() ? null : decided.sectionId();
        if (section != null
                && (inForce == null
                        || inForce.getSections().stream()
                                .map(CharterSection::getId)
                                .noneMatch(section::equals))) {
            throw new BusinessException("error.corrective.section");
        }
        OffsetDateTime now = clock.now();
        LocalDate today = now.atZoneSameInstant(ZoneId.of(store.getTimeZone())).toLocalDate();
        CorrectiveAction action = new CorrectiveAction(
                person.getId(),
                store.getId(),
                feedbackId == null || feedbackId.isBlank() ? null : feedbackId,
                new CorrectiveAction.Decided(decided.kind(), decided.note(), section, decided.dueDate()),
                inForce == null ? null : inForce.getId(),
                today,
                callers.current().username(),
                now);
        em.persist(action);
        em.flush();
        planner.notify(
                NoticeKind.CORRECTIVE_ACTION,
                callers.current().franchiseId(),
                now,
                "select c.person_id, 'corrective:' || c.id, json_build_object('action', c.kind,"
                        + " 'due', coalesce(c.due_date::text, ''))::text,"
                        + " case when c.kind = 'RETRAINING' then '/app/retraining.xhtml?action=' || c.id"
                        + " else '/app/me.xhtml' end from corrective_action c where c.id = cast(?5 as uuid)",
                action.getId());
        audit.record(
                switch (action.getKind()) {
                    case COACHING -> "corrective.coaching";
                    case RETRAINING -> "corrective.retraining";
                    case WRITTEN_WARNING -> "corrective.written_warning";
                    case FINAL_WARNING -> "corrective.final_warning";
                },
                "person",
                person.getId(),
                person.getFullName() + (feedbackId == null ? "" : " (case " + feedbackId + ")"));
        return action;
    }

    /** The sections of the charter in force, to focus a retraining on (none when nothing is in force). */
    @Permit({Role.STORE_MANAGER, Role.HQ_ADMIN})
    public List<CharterSection> sectionsInForce() {
        return promises.inForce().map(CharterVersion::getSections).orElse(List.of());
    }

    /** The actions that came of a case. */
    @Permit({Role.STORE_MANAGER, Role.HQ_ADMIN})
    public List<ActionLine> actionsFrom(String feedbackId) {
        return lines(null, cases.require(feedbackId).getId());
    }

    /** My own actions, newest first. */
    @Permit({Role.EMPLOYEE, Role.STORE_MANAGER, Role.HQ_ADMIN})
    public List<ActionLine> mine() {
        return lines(people.myself().getId(), null);
    }

    /** My retraining {@code actionId}: what to read, the section in focus, the quiz. */
    @Permit({Role.EMPLOYEE, Role.STORE_MANAGER, Role.HQ_ADMIN})
    public Retraining retraining(String actionId, Language wanted) {
        Person me = people.myself();
        CorrectiveAction action = myRetraining(me, actionId);
        CharterVersion version = em.find(CharterVersion.class, action.getVersionId());
        Reading reading = signatures.reading(version, wanted);
        String focus = action.getSectionId() == null
                ? null
                : version.getSections().stream()
                        .filter(s -> s.getId().equals(action.getSectionId()))
                        .findFirst()
                        .map(s -> s.getKind().name())
                        .orElse(null);
        boolean hasQuiz = signatures.hasQuiz(version.getId());
        boolean passed = action.getCompletedAt() != null
                || !hasQuiz
                || signatures.hasPassedSince(me, version.getId(), action.getCreatedAt());
        QuizPaper paper = hasQuiz && action.getCompletedAt() == null
                ? signatures.paperIn(version.getId(), reading.language())
                : null;
        return new Retraining(action, reading, focus, paper, passed);
    }

    @Permit({Role.EMPLOYEE, Role.STORE_MANAGER, Role.HQ_ADMIN})
    public QuizResult answer(String actionId, Language wanted, Map<String, Set<String>> answers) {
        Person me = people.myself();
        CorrectiveAction action = myRetraining(me, actionId);
        return signatures.mark(me, action.getVersionId(), wanted, answers, null);
    }

    /**
     * Signs the retraining: after its own pass at the quiz (when the version has one), with the name as on file,
     * and only the text the person was shown ({@code shownSha256}, that of the version in the language read).
     * The statement is rendered here in that language.
     */
    @Permit({Role.EMPLOYEE, Role.STORE_MANAGER, Role.HQ_ADMIN})
    public CorrectiveAction sign(String actionId, Language language, String shownSha256, String typedName) {
        Person me = people.myself();
        CorrectiveAction action = myRetraining(me, actionId);
        if (action.getCompletedAt() != null) {
            return action;
        }
        if (signatures.hasQuiz(action.getVersionId())
                && !signatures.hasPassedSince(me, action.getVersionId(), action.getCreatedAt())) {
            throw new BusinessException("error.ack.quizFirst");
        }
        if (!Signatures.sameName(typedName, me) || typedName.length() > 120) {
            throw new BusinessException("error.ack.name");
        }
        Reading shown = signatures.reading(em.find(CharterVersion.class, action.getVersionId()), language);
        if (shown.language() != language || !shown.sha256().equals(shownSha256)) {
            throw new BusinessException("error.ack.changed");
        }
        action.completeRetraining(
                clock.now(),
                shown.language().tag(),
                shown.sha256(),
                Statements.retraining(shown.language(), shown.number()),
                typedName.strip());
        audit.record("corrective.retrained", "person", me.getId(), me.getFullName());
        return action;
    }

    private CorrectiveAction myRetraining(Person me, String actionId) {
        CorrectiveAction action = Ids.isWellFormed(actionId) ? em.find(CorrectiveAction.class, actionId) : null;
        if (action == null
                || !action.getPersonId().equals(me.getId())
                || action.getKind() != CorrectiveKind.RETRAINING) {
            throw new NotFoundException("retraining", actionId);
        }
        return action;
    }

    private List<ActionLine> lines(String personId, String feedbackId) {
        List<CorrectiveAction> actions = em.createQuery(
                        "select c from CorrectiveAction c where "
                                + (personId != null ? "c.personId = :who" : "c.feedbackId = :who")
                                + " order by c.createdAt desc",
                        CorrectiveAction.class)
                .setParameter("who", personId != null ? personId : feedbackId)
                .getResultList();
        return actions.stream()
                .map(c -> new ActionLine(
                        c,
                        em.find(Person.class, c.getPersonId()).getFullName(),
                        c.getSectionId() == null
                                ? null
                                : em.find(CharterSection.class, c.getSectionId())
                                        .text(em.find(Person.class, c.getPersonId())
                                                .getLanguage())
                                        .or(() -> em.find(CharterSection.class, c.getSectionId()).getTexts().stream()
                                                .findFirst())
                                        .map(t -> t.getTitle())
                                        .orElse(null),
                        c.getVersionId() == null
                                ? null
                                : em.find(CharterVersion.class, c.getVersionId())
                                        .getNumber()))
                .toList();
    }
}
