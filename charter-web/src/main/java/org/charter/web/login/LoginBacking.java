package org.charter.web.login;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.charter.service.security.AttemptLimits;
import org.charter.service.security.SignInReceipt;
import org.charter.web.shell.Arrival;
import org.charter.web.shell.ClientAddress;
import org.charter.web.shell.Texts;

/** {@code /login.xhtml}: username and password, then the page the person wanted or their landing page. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    AttemptLimits limits;

    @Inject
    SignInReceipt receipt;

    @Inject
    Arrival arrival;

    @NotBlank
    @Size(max = 64)
    private String username;

    @NotBlank
    @Size(max = 128)
    private String password;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String address = ClientAddress.of(request);
        receipt.from(address);
        var tooMany = limits.tryAttempt(AttemptLimits.Kind.SIGN_IN, address);
        if (tooMany.isPresent()) {
            Texts.error("login.tooMany", tooMany.get().toSeconds());
            faces.validationFailed();
            return;
        }
        if (request.getSession(false) != null) {
            // a session id known before sign-in must not be the one that is signed in (session fixation)
            request.changeSessionId();
        }
        AuthenticationStatus status = securityContext.authenticate(
                request,
                response,
                withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        switch (status) {
            case SUCCESS -> {
                external.redirect(arrival.arrive(request, username));
            }
            default -> {
                // the same words for an unknown name, a wrong password and an account that must wait
                Texts.error("login.failed");
                faces.getExternalContext().getFlash().setKeepMessages(false);
                faces.validationFailed();
            }
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
