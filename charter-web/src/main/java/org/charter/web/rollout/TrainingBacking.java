package org.charter.web.rollout;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.charter.model.franchise.Language;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.MyAssignment;
import org.charter.service.rollout.Statements;
import org.charter.service.training.Reading;
import org.charter.web.shell.FormGuard;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/**
 * {@code /app/training.xhtml?version=…}: my charter versions; for one of them the pages to read one by one, the
 * quiz (retaken as often as needed, never showing which answers were wrong), the signature and the receipt.
 * The signature itself is a plain form post to {@link SignServlet}, which comes back here.
 */
@Named
@ViewScoped
public class TrainingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    I18n i18n;

    private String version;
    private List<MyAssignment> assignments;
    /**
     * Shared with everyone reading the same version and language (the service keeps frozen readings once), so
     * it is not copied into the replicated session; after a fail-over it is read again from {@link #language}.
     */
    private transient Reading reading;

    private Language language;
    private final QuizTaking quiz = new QuizTaking();
    private Acknowledgement signature;
    private int page;
    private boolean quizShown;

    /** Set by the redirect of a refused signature ({@link SignServlet#PROBLEMS}). */
    private String problem;

    /** Set by the redirect of a signature just made. */
    private boolean signed;

    public void load() {
        org.charter.service.rollout.MyTraining mine = acknowledgements.myTraining(
                version, Language.fromTag(i18n.getTag()).orElseThrow());
        assignments = mine.assignments();
        reading = mine.reading();
        version = reading == null ? null : reading.versionId();
        language = reading == null ? null : reading.language();
        signature = mine.signature();
        quiz.start(mine.paper(), mine.quizPassed());
        if (signed && signature != null) {
            Texts.info("training.signedMessage", reading.number());
        }
    }

    public void next() {
        if (getReading() != null && page < reading.parts().size() - 1) {
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
        quiz.marked(acknowledgements.answer(
                version, quiz.getPaper().language(), quiz.getAnswers().asSets()));
    }

    public String getStatement() {
        return getReading() == null ? "" : Statements.training(reading.language(), reading.number());
    }

    /** The token the sign form carries to {@link SignServlet}. */
    public String getSignToken() {
        return FormGuard.token((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    /** Why the last signature was refused, in the reader's language; null when it was not. */
    public String getProblemMessage() {
        if (problem == null || signature != null) {
            return null;
        }
        return switch (problem) {
            case "name" -> Texts.text("error.ack.name");
            case "quiz" -> Texts.text("error.ack.quizFirst");
            case "changed" -> Texts.text("error.ack.changed");
            case "expired" -> Texts.text("training.signExpired");
            default -> null;
        };
    }

    public Reading.Part getPart() {
        return getReading() == null || reading.parts().isEmpty()
                ? null
                : reading.parts().get(page);
    }

    /** Which step the person is at: read, quiz, sign or done. */
    public String getStep() {
        if (signature != null) {
            return "done";
        }
        if (quiz.isPassed()) {
            return "sign";
        }
        return quizShown ? "quiz" : "read";
    }

    public int getPage() {
        return page;
    }

    public int getPageNumber() {
        return page + 1;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public List<MyAssignment> getAssignments() {
        return assignments;
    }

    public Reading getReading() {
        if (reading == null && version != null && language != null) {
            reading = acknowledgements.read(version, language);
        }
        return reading;
    }

    public QuizTaking getQuiz() {
        return quiz;
    }

    public Acknowledgement getSignature() {
        return signature;
    }

    public String getProblem() {
        return problem;
    }

    public void setProblem(String problem) {
        this.problem = problem;
    }

    public boolean isSigned() {
        return signed;
    }

    public void setSigned(boolean signed) {
        this.signed = signed;
    }
}
