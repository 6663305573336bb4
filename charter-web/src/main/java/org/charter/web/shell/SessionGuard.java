package org.charter.web.shell;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.charter.service.tenancy.Callers;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Ends a signed-in session the moment it should no longer work: when the person's password, PIN or access
 * was reset or they were deactivated (the account's credential generation moved on; read from the database
 * on each request, so it holds across every instance of a cluster, together with the caller the request's
 * transactions then use), or when the session is older than its
 * absolute lifetime ({@code charter.session.max-hours}, 12 by default) however active it was. The visitor is
 * sent to the sign-in page.
 */
@WebFilter(filterName = "sessionGuard", urlPatterns = "/*")
public class SessionGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Session attributes set at sign-in. */
    public static final String GENERATION = "charter.credentialGeneration";

    public static final String SIGNED_IN_AT = "charter.signedInAt";

    private static final Duration LIFETIME = Duration.ofHours(ConfigProvider.getConfig()
            .getOptionalValue("charter.session.max-hours", Integer.class)
            .orElse(12));

    @Inject
    Callers callers;

    /** Called right after a successful sign-in, in the new session. */
    public static void signedIn(HttpServletRequest request, int generation) {
        HttpSession session = request.getSession();
        session.setAttribute(GENERATION, generation);
        session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
    }

    /** The credential generation this session signed in with, or -1. */
    public static int generationOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(GENERATION) instanceof Integer known ? known : -1;
    }

    /** The person changed their own credentials in this session: it keeps working, the others end. */
    public static void credentialsChangedHere(HttpServletRequest request, int generation) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(GENERATION, generation);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        String user = request.getRemoteUser();
        if (session != null && user != null && !isStaticResource(request) && !isStillValid(session, user)) {
            session.invalidate();
            request.logout();
            String signIn = request.getContextPath() + "/login.xhtml?signedOut=true";
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                // an ajax click: Faces follows a redirect given in its own answer, not an HTTP one
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter()
                        .write("<?xml version='1.0' encoding='UTF-8'?><partial-response><redirect url=\""
                                + Html.escape(signIn) + "\"/></partial-response>");
            } else {
                response.sendRedirect(signIn);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }

    private boolean isStillValid(HttpSession session, String user) {
        Object generation = session.getAttribute(GENERATION);
        Object since = session.getAttribute(SIGNED_IN_AT);
        if (!(generation instanceof Integer known) || !(since instanceof Long signedInAt)) {
            return false;
        }
        if (!SessionLifetime.covers(signedInAt, System.currentTimeMillis(), LIFETIME)) {
            return false;
        }
        Optional<Callers.Checked> current = callers.checkAtRequestStart(user);
        return current.isPresent() && current.get().credentialGeneration() == known;
    }
}
