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
import org.charter.model.charter.VersionRendering;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.people.Person;
import org.charter.model.rollout.Acknowledgement;
import org.charter.model.training.Quiz;
import org.charter.model.training.QuizQuestion;
import org.eclipse.persistence.config.QueryHints;

/**
 * Reading, the quiz and the signature for one person and one assigned version, whoever holds the device: the
 * person on their own phone ({@link AcknowledgementService}) or a store manager's tablet in a training session
 * (the session service). Runs in the caller's transaction, already bound to the franchise.
 */
@ApplicationScoped
public class Signatures {

    public static final int STATEMENT_LENGTH = 2000;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    org.charter.service.tenancy.Callers callers;

    /** A signature: the version, the language it was read in, what was declared, and how the person confirmed. */
    public record Signing(
            String versionId,
            Language language,
            String statement,
            String typedName,
            String clientAddress,
            String userAgent,
            String authMethod) {}

    /** The version as {@code person} reads it: in {@code wanted} when written in it, else the source language. */
    public Reading read(Person person, String versionId, Language wanted) {
        assignmentOf(person, versionId);
        return reading(em.find(CharterVersion.class, versionId), wanted);
    }

    /** A frozen version's pages in {@code wanted} when written in it, else in its source language. */
    public Reading reading(CharterVersion version, Language wanted) {
        VersionRendering shown = rendering(version, wanted);
        Language language = shown.getLanguage();
        List<Reading.Part> parts = version.getSections().stream()
                .map(section -> new Reading.Part(
                        section.getKind().name(),
                        section.text(language).orElseThrow().getTitle(),
                        section.text(language).orElseThrow().getBody(),
                        section.getStandards().stream()
                                .map(standard -> standard.text(language)
                                        .map(t -> t.getPromise())
                                        .orElse(""))
                                .toList()))
                .toList();
        return new Reading(version.getId(), version.getNumber(), language, shown.getSha256(), parts);
    }

    /** The quiz in the language the version is read in, without the answers. */
    public QuizPaper paper(Person person, String versionId, Language wanted) {
        assignmentOf(person, versionId);
        CharterVersion version = em.find(CharterVersion.class, versionId);
        return paperIn(versionId, rendering(version, wanted).getLanguage());
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
        Language language = rendering(version, wanted).getLanguage();
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
        return !em.createNativeQuery("select 1 from quiz_attempt where person_id = ?1 and version_id = ?2 and passed"
                        + " and tenant_id = ?3 limit 1")
                .setParameter(1, person.getId())
                .setParameter(2, versionId)
                .setParameter(3, tenant())
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList()
                .isEmpty();
    }

    /**
     * Signs: only after passing the quiz, with the full name typed as it is on file. A repeated submission (a
     * double click, twenty identical requests) leaves the first signature; the unique key decides. The signature
     * is its own append-only record and is not copied into the audit trail: the trail's per-franchise chain
     * would make every signature of a franchise wait for the one before it to commit.
     */
    public Acknowledgement sign(Person person, Signing signing, String sessionId) {
        String assignment = assignmentOf(person, signing.versionId());
        if (!hasPassed(person, signing.versionId())) {
            throw new BusinessException("error.ack.quizFirst");
        }
        if (signing.typedName() == null
                || !normal(signing.typedName()).equalsIgnoreCase(normal(person.getFullName()))) {
            throw new BusinessException("error.ack.name");
        }
        if (signing.statement() == null
                || signing.statement().isBlank()
                || signing.statement().length() > STATEMENT_LENGTH) {
            throw new BusinessException("error.required", "statement");
        }
        VersionRendering shown = em.createQuery(
                        "select r from VersionRendering r where r.charterVersion.id = :version"
                                + " and r.locale = :locale",
                        VersionRendering.class)
                .setParameter("version", signing.versionId())
                .setParameter("locale", signing.language().tag())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new BusinessException(
                        "error.charter.language", signing.language().tag()));
        int inserted = em.createNativeQuery("insert into acknowledgement (id, tenant_id, person_id, version_id, locale,"
                        + " content_sha256, statement, typed_name, client_address, user_agent, auth_method, session_id)"
                        + " values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                        + " on conflict (tenant_id, person_id, version_id) do nothing")
                .setParameter(1, tenant())
                .setParameter(2, person.getId())
                .setParameter(3, signing.versionId())
                .setParameter(4, signing.language().tag())
                .setParameter(5, shown.getSha256())
                .setParameter(6, signing.statement().strip())
                .setParameter(7, signing.typedName().strip())
                .setParameter(8, limit(signing.clientAddress(), 64))
                .setParameter(9, limit(signing.userAgent(), 500))
                .setParameter(10, signing.authMethod() == null ? "PASSWORD" : signing.authMethod())
                .setParameter(11, sessionId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
        if (inserted == 1) {
            em.createNativeQuery(
                            "update assignment set status = 'COMPLETED', completed_at = now(), version = version + 1"
                                    + " where id = ?1 and status <> 'COMPLETED'")
                    .setParameter(1, assignment)
                    .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .executeUpdate();
        }
        return signature(person, signing.versionId()).orElseThrow();
    }

    public Optional<Acknowledgement> signature(Person person, String versionId) {
        if (!org.charter.model.common.Ids.isWellFormed(versionId)) {
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

    /** The person's assignment of the version (open, excused or done); anything else is "not found". */
    String assignmentOf(Person person, String versionId) {
        if (!org.charter.model.common.Ids.isWellFormed(versionId)) {
            throw new NotFoundException("charterVersion", versionId);
        }
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery(
                        "select id::text from assignment where person_id = ?1 and version_id = ?2 and tenant_id = ?3")
                .setParameter(1, person.getId())
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

    private VersionRendering rendering(CharterVersion version, Language wanted) {
        List<VersionRendering> renderings = em.createQuery(
                        "select r from VersionRendering r where r.charterVersion = :version", VersionRendering.class)
                .setParameter("version", version)
                .getResultList();
        return renderings.stream()
                .filter(r -> r.getLanguage() == wanted)
                .findFirst()
                .orElseGet(() -> renderings.stream()
                        .filter(r -> r.getLanguage() == version.getSourceLanguage())
                        .findFirst()
                        .orElseThrow());
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
