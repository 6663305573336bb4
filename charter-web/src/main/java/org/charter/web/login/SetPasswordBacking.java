package org.charter.web.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.charter.model.common.BusinessException;
import org.charter.service.security.AttemptLimits;
import org.charter.service.security.SignInService;
import org.charter.web.shell.ClientAddress;
import org.charter.web.shell.Texts;

/** {@code /set-password.xhtml}: the one-time code from the manager, and a password of one's own. */
@Named
@RequestScoped
public class SetPasswordBacking {

    @Inject
    SignInService signIn;

    @Inject
    AttemptLimits limits;

    @NotBlank
    @Size(max = 64)
    private String username;

    @NotBlank
    @Size(max = 20)
    private String code;

    @NotBlank
    @Size(max = 128)
    private String password;

    @NotBlank
    @Size(max = 128)
    private String repeat;

    public String save() {
        if (!password.equals(repeat)) {
            throw new BusinessException("error.password.repeat");
        }
        var request = (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequest();
        var tooMany = limits.tryAttempt(AttemptLimits.Kind.SET_PASSWORD, ClientAddress.of(request));
        if (tooMany.isPresent()) {
            throw new BusinessException("login.tooMany", tooMany.get().toSeconds());
        }
        signIn.choosePassword(username, code, password);
        Texts.info("setPassword.done");
        return "/login.xhtml?faces-redirect=true";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
