package org.charter.service.training;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.VersionRendering;
import org.charter.model.charter.VersionStatus;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.people.Role;
import org.charter.model.training.Quiz;
import org.charter.model.training.QuizQuestion;
import org.charter.service.audit.AuditTrail;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * HQ writes the quiz of a frozen version, in every language the version is written in. Once its rollout starts,
 * the quiz is fixed (the database refuses changes too).
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class QuizService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Readings readings;

    /**
     * The version's quiz with its questions and choices, created empty on first use while the version is frozen.
     * A write, for the actions that change the quiz; pages read with {@link #existing(String)}.
     */
    public Quiz quiz(String versionId) {
        CharterVersion version = version(versionId);
        return find(version).map(QuizService::loaded).orElseGet(() -> {
            requireEditable(version);
            Quiz created = new Quiz(version);
            em.persist(created);
            return created;
        });
    }

    /** The version's quiz if one was written. */
    public Optional<Quiz> existing(String versionId) {
        return find(version(versionId)).map(QuizService::loaded);
    }

    /** Reads the questions and choices inside the transaction: callers use them after it ends. */
    private static Quiz loaded(Quiz quiz) {
        quiz.getQuestions().forEach(question -> question.getChoices().size());
        return quiz;
    }

    /** The version's pages in {@code language} as the people taking the training will read them. */
    public Reading preview(String versionId, Language language) {
        return readings.of(version(versionId), language);
    }

    public Quiz setPassMark(String versionId, int passMark) {
        Quiz quiz = editable(versionId);
        quiz.setPassMark(passMark);
        audit.record("quiz.passMark", "charterVersion", versionId, passMark + "%");
        return quiz;
    }

    public QuizQuestion addQuestion(String versionId, QuestionForm form) {
        Quiz quiz = editable(versionId);
        if (form.language() == null || !writtenIn(quiz.getCharterVersion()).contains(form.language())) {
            throw new BusinessException(
                    "error.charter.language",
                    form.language() == null ? "" : form.language().tag());
        }
        QuizQuestion question = quiz.add(form.language(), form.prompt(), form.multiple(), form.choices());
        em.flush();
        audit.record(
                "quiz.questionAdded",
                "charterVersion",
                versionId,
                form.language().tag());
        return question;
    }

    public QuizQuestion changeQuestion(String questionId, long expectedVersion, QuestionForm form) {
        QuizQuestion question = question(questionId);
        requireEditable(question.getQuiz().getCharterVersion());
        if (question.getVersion() != expectedVersion) {
            throw new BusinessException("error.concurrentChange");
        }
        question.write(form.prompt(), form.multiple(), form.choices());
        em.flush();
        audit.record(
                "quiz.questionChanged",
                "charterVersion",
                question.getQuiz().getCharterVersion().getId(),
                question.getLocale());
        return question;
    }

    public void removeQuestion(String questionId) {
        QuizQuestion question = question(questionId);
        requireEditable(question.getQuiz().getCharterVersion());
        question.getQuiz().remove(question);
        em.flush();
        audit.record(
                "quiz.questionRemoved",
                "charterVersion",
                question.getQuiz().getCharterVersion().getId(),
                question.getLocale());
    }

    /** The languages the version is written in that have no question yet: a rollout cannot start while any do. */
    public List<Language> languagesWithoutQuestions(String versionId) {
        CharterVersion version = version(versionId);
        Set<Language> covered = new TreeSet<>();
        find(version).ifPresent(quiz -> quiz.getQuestions().forEach(q -> covered.add(q.getLanguage())));
        return writtenIn(version).stream().filter(l -> !covered.contains(l)).toList();
    }

    /** The languages the version is written in, each needing its own questions. */
    public List<Language> languages(String versionId) {
        return List.copyOf(writtenIn(version(versionId)));
    }

    private Set<Language> writtenIn(CharterVersion version) {
        Set<Language> languages = new TreeSet<>();
        em.createQuery("select r from VersionRendering r where r.charterVersion = :version", VersionRendering.class)
                .setParameter("version", version)
                .getResultList()
                .forEach(r -> languages.add(r.getLanguage()));
        return languages;
    }

    private Quiz editable(String versionId) {
        Quiz quiz = quiz(versionId);
        requireEditable(quiz.getCharterVersion());
        return quiz;
    }

    private static void requireEditable(CharterVersion version) {
        if (version.getStatus() != VersionStatus.FROZEN) {
            throw new BusinessException("error.quiz.fixed", version.getNumber());
        }
    }

    private Optional<Quiz> find(CharterVersion version) {
        return em.createQuery("select q from Quiz q where q.charterVersion = :version", Quiz.class)
                .setParameter("version", version)
                .getResultStream()
                .findFirst();
    }

    private QuizQuestion question(String questionId) {
        QuizQuestion question = Ids.isWellFormed(questionId) ? em.find(QuizQuestion.class, questionId) : null;
        if (question == null) {
            throw new NotFoundException("question", questionId);
        }
        return question;
    }

    private CharterVersion version(String versionId) {
        CharterVersion version = Ids.isWellFormed(versionId) ? em.find(CharterVersion.class, versionId) : null;
        if (version == null) {
            throw new NotFoundException("charterVersion", versionId);
        }
        return version;
    }
}
