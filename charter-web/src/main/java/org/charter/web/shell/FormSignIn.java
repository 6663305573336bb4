package org.charter.web.shell;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.charter.model.people.Role;

/**
 * Form sign-in through the Faces page {@code /login.xhtml}, the credentials checked by
 * {@code CharterIdentityStore}; the signed-in caller is kept in the session. It works like the platform's
 * custom-form mechanism, and also puts the security headers on every response, the sign-in redirects included.
 * Pages are protected by URL in web.xml, and every service checks roles again.
 */
@ApplicationScoped
@AutoApplySession
@LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = "")
@DeclareRoles({Role.PLATFORM_ADMIN_NAME, Role.HQ_ADMIN_NAME, Role.STORE_MANAGER_NAME, Role.EMPLOYEE_NAME})
public class FormSignIn implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        SecurityHeaders.apply(request, response);
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        return context.doNothing();
    }
}
