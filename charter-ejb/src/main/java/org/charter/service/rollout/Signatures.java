package org.charter.service.rollout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.people.Person;
import org.charter.model.rollout.Acknowledgement;
import org.charter.model.rollout.AssignmentStatus;
import org.charter.model.training.Quiz;
import org.charter.model.training.QuizQuestion;
import org.charter.service.training.QuizPaper;
import org.charter.service.training.QuizResult;
import org.charter.service.training.Reading;
import org.charter.service.training.Readings;
import org.eclipse.persistence.config.QueryHints;

/**
 * Reading, the quiz and the signature for one person and one assigned version, whoever holds the device: the
 * person on their own phone ({@link AcknowledgementService}) or a store manager's tablet in a training session
 * (the session service). Runs in the caller's transaction, already bound to the franchise.
 */
@ApplicationScoped
public class Signatures {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    org.charter.service.tenancy.Callers callers;

    @Inject
    Readings readings;

    /**
     * What the person did on the page that signs: the version, the language they read it in and the SHA-256 of
     * the text they were shown (the page sends both back), the name they typed, and where they signed from. The
     * statement they declare is not part of it: the service renders it ({@link Statements}).
     */
    public record Confirmation(
            String versionId,
            Language language,
            String shownSha256,
            String typedName,
            String clientAddress,
            String userAgent) {}

    /** How the person proved it was them when they signed. */
    public enum ConfirmedBy {
        /** Signed in on their own device with their username and password. */
        PASSWORD,
        /** At a manager's device in a training session, with their own PIN. */
        SESSION_PIN
    }

    /** Who signs: the person's id and their full name as on file. */
    public record Signer(String personId, String fullName) {
        public static Signer of(Person person) {
            return new Signer(person.getId(), person.getFullName());
        }
    }

    /** The version as {@code person} reads it: in {@code wanted} when written in it, else the source language. */
    public Reading read(Person person, String versionId, Language wanted) {
        assignmentOf(person, versionId);
        return readings.known(versionId, wanted)
                .orElseGet(() -> readings.of(em.find(CharterVersion.class, versionId), wanted));
    }

    /** A frozen version's pages in {@code wanted} when written in it, else in its source language. */
    public Reading reading(CharterVersion version, Language wanted) {
        return readings.of(version, wanted);
    }

    /** The quiz in the language the version is read in, without the answers. */
    public QuizPaper paper(Person person, String versionId, Language wanted) {
        assignmentOf(person, versionId);
        CharterVersion version = em.find(CharterVersion.class, versionId);
        return paperIn(versionId, readings.rendering(version, wanted).getLanguage());
    }

    /** Whether the version has a quiz at all (a version published before quizzes existed may have none). */
    public boolean hasQuiz(String versionId) {
        return !em.createQuery("select q.id from Quiz q where q.charterVersion.id = :version", String.class)
                .setParameter("version", versionId)
                .getResultList()
                .isEmpty();
    }

    /** Whether the person passed the version's quiz at or after {@code since} (a retraining's own try). */
    public boolean hasPassedSince(Person person, String versionId, java.time.OffsetDateTime since) {
        return !em.createNativeQuery("select 1 from quiz_attempt where person_id = ?1 and version_id = ?2 and passed"
                        + " and tenant_id = ?3 and attempted_at >= ?4 limit 1")
                .setParameter(1, person.getId())
                .setParameter(2, versionId)
                .setParameter(3, tenant())
                .setParameter(4, since)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList()
                .isEmpty();
    }

    /** Whether {@code typed} is the person's full name as on file (spaces and case aside). */
    public static boolean sameName(String typed, Person person) {
        return typed != null && normal(typed).equalsIgnoreCase(normal(person.getFullName()));
    }

    /** The quiz of a version already read by its assignee, in the language it was read in. */
    public QuizPaper paperIn(String versionId, Language language) {
        Quiz quiz = quiz(versionId);
        return new QuizPaper(
                versionId,
                language,
                quiz.getPassMark(),
                quiz.questions(language).stream()
                        .map(q -> new QuizPaper.Question(
                                q.getId(),
                                q.getPrompt(),
                                q.isMultiple(),
                                q.getChoices().stream()
                                        .map(c -> new QuizPaper.Choice(c.getId(), c.getLabel()))
                                        .toList()))
                        .toList());
    }

    /**
     * Marks a try at the quiz and keeps it. Every question must be answered; a single-answer question takes one
     * choice. Returns only the score and whether it passes.
     */
    public QuizResult answer(
            Person person, String versionId, Language wanted, Map<String, Set<String>> answers, String sessionId) {
        assignmentOf(person, versionId);
        return mark(person, versionId, wanted, answers, sessionId);
    }

    /**
     * Marks and keeps a try at the version's quiz for a caller that has checked the person may take it (a
     * retraining as well as an assignment).
     */
    public QuizResult mark(
            Person person, String versionId, Language wanted, Map<String, Set<String>> answers, String sessionId) {
        CharterVersion version = em.find(CharterVersion.class, versionId);
        Language language = readings.rendering(version, wanted).getLanguage();
        Quiz quiz = quiz(versionId);
        List<QuizQuestion> questions = quiz.questions(language);
        Map<String, Set<String>> given = answers == null ? Map.of() : answers;
        int correct = 0;
        Map<String, String> kept = new TreeMap<>();
        for (QuizQuestion question : questions) {
            Set<String> ticked = new HashSet<>(given.getOrDefault(question.getId(), Set.of()));
            ticked.retainAll(question.getChoices().stream().map(c -> c.getId()).collect(Collectors.toSet()));
            if (ticked.isEmpty() || (!question.isMultiple() && ticked.size() > 1)) {
                throw new BusinessException("error.quiz.unanswered", question.getPosition());
            }
            if (question.isAnsweredBy(ticked)) {
                correct++;
            }
            kept.put(question.getId(), String.join(",", new java.util.TreeSet<>(ticked)));
        }
        boolean passed = quiz.passes(correct, questions.size());
        em.createNativeQuery("insert into quiz_attempt (id, tenant_id, person_id, version_id, locale, correct,"
                        + " questions, passed, answers, session_id)"
                        + " values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, tenant())
                .setParameter(2, person.getId())
                .setParameter(3, versionId)
                .setParameter(4, language.tag())
                .setParameter(5, correct)
                .setParameter(6, questions.size())
                .setParameter(7, passed)
                .setParameter(
                        8,
                        kept.entrySet().stream()
                                .map(e -> e.getKey() + ":" + e.getValue())
                                .collect(Collectors.joining(";")))
                .setParameter(9, sessionId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        return new QuizResult(correct, questions.size(), quiz.getPassMark(), passed);
    }

    public boolean hasPassed(Person person, String versionId) {
        return hasPassed(person.getId(), versionId);
    }

    private boolean hasPassed(String personId, String versionId) {
        return !em.createNativeQuery("select 1 from quiz_attempt where person_id = ?1 and version_id = ?2 and passed"
                        + " and tenant_id = ?3 limit 1")
                .setParameter(1, personId)
                .setParameter(2, versionId)
                .setParameter(3, tenant())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList()
                .isEmpty();
    }

    /**
     * Signs: only after passing the quiz, with the full name typed as it is on file, and only the text the
     * person was shown (the SHA-256 the page sends back must be that of the version in the language read). The
     * statement is rendered here, in that language. One statement does it all: it checks the assignment, the
     * pass and the text, records the signature with its evidence, and completes the assignment. A repeated
     * submission (a double click, twenty identical requests) leaves the first signature; the unique key
     * decides. The signature is its own append-only record and is not copied into the audit trail: the
     * trail's per-franchise chain would make every signature of a franchise wait for the one before it.
     *
     * @return true when this call signed, false when the person had signed the version before
     */
    public boolean sign(Signer signer, Confirmation confirmation, ConfirmedBy by, String sessionId) {
        checkName(confirmation.typedName(), signer.fullName());
        return sign(SignedBy.PERSON, signer.personId(), confirmation, by, sessionId);
    }

    /**
     * Signs as {@link #sign(Signer, Confirmation, ConfirmedBy, String)} does for the person of the signed-in
     * account {@code accountId}, found by the signing statement itself: the name on file comes back with its
     * answer, and a typed name that is not it refuses the signature, whose transaction is then rolled back.
     */
    public boolean signAsAccount(String accountId, Confirmation confirmation, ConfirmedBy by, String sessionId) {
        checkName(confirmation.typedName(), null);
        return sign(SignedBy.ACCOUNT, accountId, confirmation, by, sessionId);
    }

    /** How the signing statement finds the person who signs: by their id, or by their account's. */
    private enum SignedBy {
        PERSON("p.id"),
        ACCOUNT("p.account_id");

        private final String column;

        SignedBy(String column) {
            this.column = column;
        }
    }

    private boolean sign(
            SignedBy signedBy, String signerId, Confirmation confirmation, ConfirmedBy by, String sessionId) {
        if (!Ids.isWellFormed(confirmation.versionId())) {
            throw new NotFoundException("charterVersion", confirmation.versionId());
        }
        if (!Ids.isWellFormed(signerId)) {
            throw new NotFoundException("person", signerId);
        }
        if (confirmation.language() == null || confirmation.shownSha256() == null) {
            throw new BusinessException("error.ack.changed");
        }
        Object[] outcome = (Object[]) em.createNativeQuery("with signer as ("
                        + " select p.id, p.full_name, p.employee_number from person p where p.tenant_id = ?1 and "
                        + signedBy.column
                        + " = ?2),"
                        + " ready as ("
                        + " select a.id as assignment_id, a.person_id, r.sha256, replace(?7, '" + Statements.NUMBER
                        + "', v.number::text) as statement"
                        + " from assignment a"
                        + " join signer s on s.id = a.person_id"
                        + " join charter_version v on v.id = a.version_id and v.tenant_id = a.tenant_id"
                        + " join version_rendering r on r.version_id = a.version_id and r.tenant_id = a.tenant_id"
                        + " and r.locale = ?4"
                        + " where a.tenant_id = ?1 and a.version_id = ?3 and r.sha256 = ?5"
                        + " and a.status <> '" + AssignmentStatus.WITHDRAWN + "'"
                        + " and exists (select 1 from quiz_attempt q where q.tenant_id = ?1 and q.person_id = s.id"
                        + " and q.version_id = ?3 and q.passed)),"
                        + " signed as (insert into acknowledgement (id, tenant_id, person_id, version_id, locale,"
                        + " content_sha256, statement, typed_name, client_address, user_agent, auth_method, session_id)"
                        + " select gen_random_uuid(), ?1, ready.person_id, ?3, ?4, ready.sha256, ready.statement, ?6,"
                        + " ?8, ?9, ?10, ?11"
                        + " from ready on conflict (tenant_id, person_id, version_id) do nothing returning 1),"
                        // Assignment.complete: from open or excused only
                        + " completed as (update assignment set status = '" + AssignmentStatus.COMPLETED + "',"
                        + " completed_at = now(), version = version + 1 where id = (select assignment_id from ready)"
                        + " and status in ('" + AssignmentStatus.ASSIGNED + "', '" + AssignmentStatus.EXCUSED + "')"
                        + " and exists (select 1 from signed) returning store_id),"
                        // a webhook delivery for each endpoint that wants completions, in this same statement
                        + " hooked as (insert into webhook_delivery (id, tenant_id, webhook_id, event, payload, status,"
                        + " next_at) select gen_random_uuid(), w.tenant_id, w.id, 'assignment.completed',"
                        + " json_build_object('type', 'assignment.completed', 'timestamp', now(), 'data',"
                        + " json_build_object('employeeNumber', p.employee_number, 'fullName', p.full_name,"
                        + " 'version', v.number, 'store', s.code, 'language', cast(?4 as text)))::text, 'QUEUED', now()"
                        + " from completed c join webhook w on w.tenant_id = ?1 and w.active"
                        + " and position(',assignment.completed,' in ',' || w.events || ',') > 0"
                        + " cross join signer p join store s on s.id = c.store_id"
                        + " join charter_version v on v.id = ?3)"
                        + " select (select count(*) from signed), (select count(*) from ready),"
                        + " (select id::text from signer), (select full_name from signer)")
                .setParameter(1, tenant())
                .setParameter(2, signerId)
                .setParameter(3, confirmation.versionId())
                .setParameter(4, confirmation.language().tag())
                .setParameter(5, confirmation.shownSha256())
                .setParameter(6, confirmation.typedName().strip())
                .setParameter(7, Statements.trainingTemplate(confirmation.language()))
                .setParameter(8, limit(confirmation.clientAddress(), 64))
                .setParameter(9, limit(confirmation.userAgent(), 500))
                .setParameter(10, by.name())
                .setParameter(11, sessionId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        if (outcome[2] == null) {
            throw new NotFoundException("person", signerId);
        }
        // the name on file came back with the answer: a wrong one rolls back whatever the statement did
        checkName(confirmation.typedName(), (String) outcome[3]);
        if (((Number) outcome[0]).intValue() == 1) {
            return true;
        }
        if (((Number) outcome[1]).intValue() == 1) {
            return false;
        }
        throw refusal((String) outcome[2], confirmation);
    }

    /** The typed name must be there, of a sane length, and (when {@code onFile} is known) the name on file. */
    private static void checkName(String typed, String onFile) {
        if (typed == null
                || typed.length() > 120
                || (onFile != null && !normal(typed).equalsIgnoreCase(normal(onFile)))) {
            throw new BusinessException("error.ack.name");
        }
    }

    /** Why nothing was signed: no such assignment, no pass yet, a language the version lacks, or other text. */
    private RuntimeException refusal(String personId, Confirmation confirmation) {
        assignmentOf(personId, confirmation.versionId());
        if (!hasPassed(personId, confirmation.versionId())) {
            return new BusinessException("error.ack.quizFirst");
        }
        boolean written = !em.createQuery(
                        "select r.id from VersionRendering r where r.charterVersion.id = :version"
                                + " and r.locale = :locale",
                        String.class)
                .setParameter("version", confirmation.versionId())
                .setParameter("locale", confirmation.language().tag())
                .getResultList()
                .isEmpty();
        return written
                ? new BusinessException("error.ack.changed")
                : new BusinessException(
                        "error.charter.language", confirmation.language().tag());
    }

    public Optional<Acknowledgement> signature(Person person, String versionId) {
        if (!Ids.isWellFormed(versionId)) {
            return Optional.empty();
        }
        return em.createQuery(
                        "select a from Acknowledgement a where a.personId = :person and a.versionId = :version",
                        Acknowledgement.class)
                .setParameter("person", person.getId())
                .setParameter("version", versionId)
                .getResultStream()
                .findFirst();
    }

    /** The person's assignment of the version (open, excused or done); withdrawn or none is "not found". */
    String assignmentOf(Person person, String versionId) {
        return assignmentOf(person.getId(), versionId);
    }

    private String assignmentOf(String personId, String versionId) {
        if (!Ids.isWellFormed(versionId)) {
            throw new NotFoundException("charterVersion", versionId);
        }
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery(
                        "select id::text from assignment where person_id = ?1 and version_id = ?2 and tenant_id = ?3"
                                + " and status <> '" + AssignmentStatus.WITHDRAWN + "'")
                .setParameter(1, personId)
                .setParameter(2, versionId)
                .setParameter(3, tenant())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("charterVersion", versionId);
        }
        return String.valueOf(found.get(0));
    }

    private Quiz quiz(String versionId) {
        return em.createQuery("select q from Quiz q where q.charterVersion.id = :version", Quiz.class)
                .setParameter("version", versionId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("quiz", versionId));
    }

    private String tenant() {
        return callers.current().franchiseId();
    }

    private static String normal(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    private static String limit(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }
}
