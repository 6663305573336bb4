package org.charter.web.training;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.charter.model.charter.CharterVersion;
import org.charter.model.franchise.Language;
import org.charter.model.training.Quiz;
import org.charter.model.training.QuizQuestion;
import org.charter.service.rollout.RolloutService;
import org.charter.service.training.QuestionForm;
import org.charter.service.training.QuizService;
import org.charter.service.training.Reading;
import org.charter.web.shell.Texts;

/**
 * {@code /hq/quiz.xhtml?lang=…}: the quiz of the frozen version, language by language, its pass mark, and a
 * preview of the pages and questions as people will see them (with the right answers marked for HQ).
 */
@Named
@ViewScoped
public class QuizBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    QuizService quizzes;

    @Inject
    RolloutService rollouts;

    private String lang;
    private CharterVersion version;
    private Quiz quiz;
    private List<Language> missing = List.of();
    private List<Language> languages = List.of();
    private Reading preview;
    private boolean editable;
    private int passMark;

    private String prompt;
    private boolean multiple;
    private List<ChoiceRow> choices = blankChoices();

    public void load() {
        version = rollouts.onItsWay().orElse(null);
        if (version == null) {
            return;
        }
        editable = version.getStatus() == org.charter.model.charter.VersionStatus.FROZEN;
        // only read here: this runs on every GET of the page; the quiz row is written by the first save
        quiz = quizzes.existing(version.getId()).orElse(null);
        passMark = quiz == null ? Quiz.DEFAULT_PASS_MARK : quiz.getPassMark();
        missing = quizzes.languagesWithoutQuestions(version.getId());
        languages = quizzes.languages(version.getId());
        Language language = Language.fromTag(lang).orElse(version.getSourceLanguage());
        lang = language.tag();
        preview = quizzes.preview(version.getId(), language);
        lang = preview.language().tag();
    }

    public void savePassMark() {
        quizzes.setPassMark(version.getId(), passMark);
        Texts.info("quiz.passMarkSaved", passMark);
        load();
    }

    public void addQuestion() {
        quizzes.addQuestion(
                version.getId(),
                new QuestionForm(
                        Language.fromTag(lang).orElseThrow(),
                        prompt,
                        multiple,
                        choices.stream()
                                .map(row -> new QuizQuestion.Choice(row.getLabel(), row.isCorrect()))
                                .toList()));
        Texts.info("quiz.questionAdded");
        prompt = null;
        multiple = false;
        choices = blankChoices();
        load();
    }

    public void remove(QuizQuestion question) {
        quizzes.removeQuestion(question.getId());
        Texts.info("quiz.questionRemoved");
        load();
    }

    public List<QuizQuestion> getQuestions() {
        return quiz == null ? List.of() : quiz.questions(Language.fromTag(lang).orElseThrow());
    }

    public String getMissingTags() {
        return String.join(", ", missing.stream().map(Language::tag).toList());
    }

    private static List<ChoiceRow> blankChoices() {
        List<ChoiceRow> rows = new ArrayList<>();
        for (int i = 0; i < QuizQuestion.MAX_CHOICES; i++) {
            rows.add(new ChoiceRow());
        }
        return rows;
    }

    /** One line of the new-question form. */
    public static class ChoiceRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String label;
        private boolean correct;

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public boolean isCorrect() {
            return correct;
        }

        public void setCorrect(boolean correct) {
            this.correct = correct;
        }
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }

    public CharterVersion getVersion() {
        return version;
    }

    public Quiz getQuiz() {
        return quiz;
    }

    public List<Language> getLanguages() {
        return languages;
    }

    public List<Language> getMissing() {
        return missing;
    }

    public Reading getPreview() {
        return preview;
    }

    public boolean isEditable() {
        return editable;
    }

    public int getPassMark() {
        return passMark;
    }

    public void setPassMark(int passMark) {
        this.passMark = passMark;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public boolean isMultiple() {
        return multiple;
    }

    public void setMultiple(boolean multiple) {
        this.multiple = multiple;
    }

    public List<ChoiceRow> getChoices() {
        return choices;
    }
}
