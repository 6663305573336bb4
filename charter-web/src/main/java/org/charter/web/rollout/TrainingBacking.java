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
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.AcknowledgementService.Signing;
import org.charter.service.rollout.MyAssignment;
import org.charter.service.rollout.Reading;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/** {@code /app/training.xhtml?version=…}: my charter versions to read and sign, and the receipt once signed. */
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
    private Acknowledgement signature;

    @NotBlank
    @Size(max = 120)
    private String typedName;

    public void load() {
        assignments = acknowledgements.myAssignments();
        if ((version == null || version.isBlank())) {
            version = assignments.stream()
                    .filter(MyAssignment::isOpen)
                    .map(MyAssignment::versionId)
                    .findFirst()
                    .orElse(null);
        }
        if (version != null) {
            reading = acknowledgements.read(
                    version,
                    org.charter.model.franchise.Language.fromTag(i18n.getTag()).orElseThrow());
            signature = acknowledgements.mySignature(version).orElse(null);
        }
    }

    public String getStatement() {
        return reading == null ? "" : Texts.text("training.statement", reading.number());
    }

    public void sign() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        signature = acknowledgements.sign(new Signing(
                reading.versionId(),
                reading.language(),
                getStatement(),
                typedName,
                request.getRemoteAddr(),
                request.getHeader("User-Agent"),
                "PASSWORD"));
        Texts.info("training.signedMessage", reading.number());
        load();
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
