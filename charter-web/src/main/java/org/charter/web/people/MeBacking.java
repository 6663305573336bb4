package org.charter.web.people;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.model.people.Person;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.people.PeopleService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.security.SignInService;
import org.charter.web.shell.CurrentUser;
import org.charter.web.shell.SessionGuard;
import org.charter.web.shell.Texts;

/** {@code /app/me.xhtml}: the person's own file: details, every signature with its receipt, and the PIN. */
@Named
@ViewScoped
public class MeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeopleService people;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    SignInService signIn;

    @Inject
    CurrentUser user;

    @Inject
    org.charter.service.feedback.CorrectiveService corrective;

    private List<org.charter.service.feedback.CorrectiveService.ActionLine> actions;

    private Person me;
    private List<String> stores;
    private List<Acknowledgement> signatures;
    private String password;
    private String pin;

    public void load() {
        me = people.myself();
        stores = people.myStoreNames();
        signatures = acknowledgements.mySignatures();
        actions = corrective.mine();
    }

    public List<org.charter.service.feedback.CorrectiveService.ActionLine> getActions() {
        return actions;
    }

    public void choosePin() {
        var request = (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequest();
        int known = SessionGuard.generationOf(request);
        // this session's own next request must not take the new generation for a reset elsewhere
        SessionGuard.credentialsChangedHere(request, known + 1);
        try {
            SessionGuard.credentialsChangedHere(request, signIn.choosePin(user.getUsername(), password, pin, known));
        } catch (RuntimeException e) {
            SessionGuard.credentialsChangedHere(request, known);
            throw e;
        } finally {
            password = null;
            pin = null;
        }
        Texts.info("me.pinSaved");
    }

    public Person getMe() {
        return me;
    }

    /** The stores as one line ("RIX-01 Riga Old Town, RIX-02 …"); a dash for none. */
    public String getStoresLine() {
        return stores == null || stores.isEmpty() ? "—" : String.join(", ", stores);
    }

    public List<String> getStores() {
        return stores;
    }

    public List<Acknowledgement> getSignatures() {
        return signatures;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }
}
