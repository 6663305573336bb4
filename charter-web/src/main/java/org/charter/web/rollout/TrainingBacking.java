package org.charter.web.rollout;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.charter.model.franchise.Language;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.MyAssignment;
import org.charter.service.rollout.Reading;
import org.charter.service.rollout.Signatures.Signing;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/**
 * {@code /app/training.xhtml?version=…}: my charter versions; for one of them the pages to read one by one, the
 * quiz (retaken as often as needed, never showing which answers were wrong), the signature and the receipt.
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
    private Reading reading;
    private final QuizTaking quiz = new QuizTaking();
    private Acknowledgement signature;
    private int page;
    private boolean quizShown;

    @NotBlank
    @Size(max = 120)
    private String typedName;

    public void load() {
        org.charter.service.rollout.MyTraining mine = acknowledgements.myTraining(
                version, Language.fromTag(i18n.getTag()).orElseThrow());
        assignments = mine.assignments();
        reading = mine.reading();
        version = reading == null ? null : reading.versionId();
        signature = mine.signature();
        quiz.start(mine.paper(), mine.quizPassed());
    }

    public void next() {
        if (reading != null && page < reading.parts().size() - 1) {
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
        return reading == null ? "" : Texts.text("training.statement", reading.number());
    }

    /** Signs, then shows the receipt on a fresh page (a reload does not post again). */
    public String sign() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        signature = acknowledgements.sign(new Signing(
                reading.versionId(),
                reading.language(),
                getStatement(),
                typedName,
                org.charter.web.shell.ClientAddress.of(request),
                request.getHeader("User-Agent"),
                "PASSWORD"));
        Texts.info("training.signedMessage", reading.number());
        return "/app/training?faces-redirect=true&version=" + reading.versionId();
    }

    public Reading.Part getPart() {
        return reading == null || reading.parts().isEmpty()
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
        return reading;
    }

    public QuizTaking getQuiz() {
        return quiz;
    }

    public Acknowledgement getSignature() {
        return signature;
    }

    public String getTypedName() {
        return typedName;
    }

    public void setTypedName(String typedName) {
        this.typedName = typedName;
    }
}
