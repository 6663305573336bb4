package org.charter.model.training;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;

/** The questions every person answers before signing a version, per language, and the share they must get right. */
@Entity
@Table(name = "quiz")
public class Quiz extends TenantOwned {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_PASS_MARK = 80;
    public static final int MAX_QUESTIONS = 30;

    @OneToOne(optional = false)
    @JoinColumn(name = "version_id")
    private CharterVersion charterVersion;

    @Column(name = "pass_mark", nullable = false)
    private int passMark = DEFAULT_PASS_MARK;

    @OneToMany(mappedBy = "quiz", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("locale, position")
    private List<QuizQuestion> questions = new ArrayList<>();

    protected Quiz() {}

    public Quiz(CharterVersion charterVersion) {
        this.charterVersion = charterVersion;
    }

    public CharterVersion getCharterVersion() {
        return charterVersion;
    }

    public int getPassMark() {
        return passMark;
    }

    public void setPassMark(int passMark) {
        if (passMark < 1 || passMark > 100) {
            throw new BusinessException("error.quiz.passMark");
        }
        this.passMark = passMark;
    }

    public List<QuizQuestion> getQuestions() {
        return questions;
    }

    public List<QuizQuestion> questions(Language language) {
        return questions.stream()
                .filter(q -> q.getLanguage() == language)
                .sorted(java.util.Comparator.comparingInt(QuizQuestion::getPosition))
                .toList();
    }

    /** Adds a question at the end of its language's list. */
    public QuizQuestion add(Language language, String prompt, boolean multiple, List<QuizQuestion.Choice> choices) {
        List<QuizQuestion> same = questions(language);
        if (same.size() >= MAX_QUESTIONS) {
            throw new BusinessException("error.quiz.tooMany", MAX_QUESTIONS);
        }
        int position = same.isEmpty() ? 1 : same.get(same.size() - 1).getPosition() + 1;
        QuizQuestion question = new QuizQuestion(this, language, position);
        question.write(prompt, multiple, choices);
        questions.add(question);
        return question;
    }

    public void remove(QuizQuestion question) {
        questions.remove(question);
    }

    /**
     * Whether someone who gave {@code correct} right answers out of {@code total} passes: the share is compared
     * in whole numbers, so 4 of 5 passes an 80 % mark.
     */
    public boolean passes(int correct, int total) {
        return total > 0 && correct * 100 >= passMark * total;
    }
}
