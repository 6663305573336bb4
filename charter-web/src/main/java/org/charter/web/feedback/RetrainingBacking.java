package org.charter.web.feedback;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.charter.model.feedback.CorrectiveAction;
import org.charter.model.franchise.Language;
import org.charter.service.feedback.CorrectiveService;
import org.charter.service.rollout.Statements;
import org.charter.service.training.Reading;
import org.charter.web.rollout.QuizTaking;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/**
 * {@code /app/retraining.xhtml?action=…}: a retraining the way training is done: the charter in force page by
 * page (starting at the section in focus), its quiz passed again, and a signature.
 */
@Named
@ViewScoped
public class RetrainingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CorrectiveService corrective;

    @Inject
    I18n i18n;

    private String action;
    private CorrectiveAction current;
    private Reading reading;
    private String focus;
    private final QuizTaking quiz = new QuizTaking();
    private int page;
    private boolean quizShown;

    @NotBlank
    @Size(max = 120)
    private String typedName;

    public void load() {
        CorrectiveService.Retraining mine = corrective.retraining(action, language());
        current = mine.action();
        reading = mine.reading();
        focus = mine.focus();
        quiz.start(mine.paper(), mine.quizPassed());
        page = 0;
        if (focus != null) {
            for (int i = 0; i < reading.parts().size(); i++) {
                if (reading.parts().get(i).kind().equals(focus)) {
                    page = i;
                }
            }
        }
    }

    public void next() {
        if (page < reading.parts().size() - 1) {
            page++;
        } else {
            quizShown = true;
        }
    }

    public void previous() {
        if (quizShown) {
            quizShown = false;
        } else if (page > 0) {
            page--;
        }
    }

    public void submitQuiz() {
        quiz.marked(corrective.answer(
                action, quiz.getPaper().language(), quiz.getAnswers().asSets()));
    }

    public String getStatement() {
        return reading == null ? "" : Statements.retraining(reading.language(), reading.number());
    }

    public String sign() {
        current = corrective.sign(action, reading.language(), reading.sha256(), typedName);
        Texts.info("retraining.signed");
        return "/app/retraining?faces-redirect=true&action=" + action;
    }

    /** Read, quiz, sign or done. */
    public String getStep() {
        if (current.getCompletedAt() != null) {
            return "done";
        }
        if (quiz.isPassed() && quizShown) {
            return "sign";
        }
        return quizShown ? "quiz" : "read";
    }

    private Language language() {
        return Language.fromTag(i18n.getTag()).orElse(Language.EN);
    }

    public Reading.Part getPart() {
        return reading.parts().get(page);
    }

    public boolean isFocused() {
        return focus != null && getPart().kind().equals(focus);
    }

    public int getPageNumber() {
        return page + 1;
    }

    public int getPage() {
        return page;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public CorrectiveAction getCurrent() {
        return current;
    }

    public Reading getReading() {
        return reading;
    }

    public QuizTaking getQuiz() {
        return quiz;
    }

    public String getTypedName() {
        return typedName;
    }

    public void setTypedName(String typedName) {
        this.typedName = typedName;
    }
}
