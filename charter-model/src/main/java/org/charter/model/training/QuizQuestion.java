package org.charter.model.training;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;

/**
 * A question in one language: with one right answer, or several ("tick every right one"). Answered right only
 * when exactly the right choices are ticked.
 */
@Entity
@Table(name = "quiz_question")
public class QuizQuestion extends TenantOwned {

    private static final long serialVersionUID = 1L;

    public static final int PROMPT_LENGTH = 1000;
    public static final int LABEL_LENGTH = 500;
    public static final int MAX_CHOICES = 6;

    /** A choice as written by HQ. */
    public record Choice(String label, boolean correct) {}

    @ManyToOne(optional = false)
    @JoinColumn(name = "quiz_id")
    private Quiz quiz;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = PROMPT_LENGTH)
    private String prompt;

    @Column(nullable = false)
    private boolean multiple;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<QuizChoice> choices = new ArrayList<>();

    protected QuizQuestion() {}

    QuizQuestion(Quiz quiz, Language language, int position) {
        this.quiz = quiz;
        this.locale = language.tag();
        this.position = position;
    }

    /** Replaces the prompt and the choices, after checking them: blank choices are left out. */
    public void write(String newPrompt, boolean isMultiple, List<Choice> newChoices) {
        String tidy = newPrompt == null ? "" : newPrompt.strip();
        if (tidy.isEmpty()) {
            throw new BusinessException("error.quiz.prompt");
        }
        if (tidy.length() > PROMPT_LENGTH) {
            throw new BusinessException("error.tooLong", "prompt", PROMPT_LENGTH);
        }
        List<Choice> kept = newChoices == null
                ? List.of()
                : newChoices.stream()
                        .filter(c -> c.label() != null && !c.label().isBlank())
                        .map(c -> new Choice(c.label().strip(), c.correct()))
                        .toList();
        if (kept.size() < 2 || kept.size() > MAX_CHOICES) {
            throw new BusinessException("error.quiz.choices", MAX_CHOICES);
        }
        if (kept.stream().anyMatch(c -> c.label().length() > LABEL_LENGTH)) {
            throw new BusinessException("error.tooLong", "choice", LABEL_LENGTH);
        }
        long right = kept.stream().filter(Choice::correct).count();
        if (right == 0 || (!isMultiple && right > 1)) {
            throw new BusinessException(isMultiple ? "error.quiz.noneRight" : "error.quiz.oneRight");
        }
        this.prompt = tidy;
        this.multiple = isMultiple;
        choices.clear();
        int at = 1;
        for (Choice choice : kept) {
            choices.add(new QuizChoice(this, at++, choice.label(), choice.correct()));
        }
    }

    /** Whether exactly the right choices were ticked. */
    public boolean isAnsweredBy(Set<String> ticked) {
        Set<String> right = choices.stream()
                .filter(QuizChoice::isCorrect)
                .map(QuizChoice::getId)
                .collect(Collectors.toSet());
        return right.equals(ticked == null ? Set.of() : ticked);
    }

    public Quiz getQuiz() {
        return quiz;
    }

    public Language getLanguage() {
        return Language.fromTag(locale).orElseThrow();
    }

    public String getLocale() {
        return locale;
    }

    public int getPosition() {
        return position;
    }

    public String getPrompt() {
        return prompt;
    }

    public boolean isMultiple() {
        return multiple;
    }

    public List<QuizChoice> getChoices() {
        return choices;
    }
}
