package org.charter.web.shell;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.charter.model.people.Role;

/**
 * Form sign-in through the Faces page {@code /login.xhtml}, the credentials checked by
 * {@code CharterIdentityStore}; the signed-in caller is kept in the session. A protected page asked for without
 * signing in is answered with a redirect to the sign-in page, which remembers the page for afterwards
 * ({@link #CONTINUE_TO}). The mechanism makes that redirect itself: the container's own redirect drops the
 * security headers this mechanism sets on every response. Pages are protected by URL in web.xml, and every
 * service checks roles again.
 */
@ApplicationScoped
@AutoApplySession
@DeclareRoles({Role.PLATFORM_ADMIN_NAME, Role.HQ_ADMIN_NAME, Role.STORE_MANAGER_NAME, Role.EMPLOYEE_NAME})
public class FormSignIn implements HttpAuthenticationMechanism {

    /** Session attribute: the page to show after signing in. */
    public static final String CONTINUE_TO = "charter.continueTo";

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
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession()
                        .setAttribute(CONTINUE_TO, request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getContextPath() + "/login.xhtml");
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }

    /**
     * Where to go right after signing in: the page the person asked for before, if it is one of ours, else their
     * landing page. Forgets the page asked for.
     */
    public static String continueTo(HttpServletRequest request) {
        Object wanted = request.getSession().getAttribute(CONTINUE_TO);
        request.getSession().removeAttribute(CONTINUE_TO);
        String home = request.getContextPath() + "/app/index.xhtml";
        if (wanted instanceof String path
                && path.startsWith(request.getContextPath() + "/")
                && !path.startsWith("//")
                && !path.contains("\\")) {
            return path;
        }
        return home;
    }
}
