package org.charter.web.sso;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.charter.service.security.SignInReceipt;
import org.charter.service.sso.SsoBegun;
import org.charter.service.sso.SsoCredential;
import org.charter.service.sso.SsoOutcome;
import org.charter.web.shell.Arrival;
import org.charter.web.shell.ClientAddress;

/**
 * {@code /sso/callback}: where the provider sends the browser back. The state must be one this session began
 * (else nothing is asked of anyone); the code is then exchanged and the ID token checked by the identity store,
 * and the person is signed in with a new session id, exactly as with a password. The state is used once.
 */
@WebServlet(SsoAddresses.CALLBACK)
public class SsoCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext securityContext;

    @Inject
    SignInReceipt receipt;

    @Inject
    Arrival arrival;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SsoBegun begun = takePending(request, request.getParameter("state"));
        if (begun == null) {
            SsoStartServlet.toLogin(request, response, "expired", null);
            return;
        }
        String code = request.getParameter("code");
        if (request.getParameter("error") != null || code == null || code.isBlank() || code.length() > 2048) {
            SsoStartServlet.toLogin(request, response, "cancelled", null);
            return;
        }
        receipt.from(ClientAddress.of(request));
        // a session id known before sign-in must not be the one that is signed in (session fixation)
        request.changeSessionId();
        SsoCredential credential = new SsoCredential(
                begun.franchiseId(), code, begun.verifier(), begun.nonce(), SsoAddresses.callback(request));
        AuthenticationStatus status = securityContext.authenticate(
                request, response, withParams().newAuthentication(true).credential(credential));
        if (status != AuthenticationStatus.SUCCESS) {
            boolean unavailable = credential.outcome().result() == SsoOutcome.Result.UNAVAILABLE;
            SsoStartServlet.toLogin(request, response, unavailable ? "unavailable" : "refused", null);
            return;
        }
        String next = arrival.arrive(request, credential.outcome().username());
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(next);
    }

    /** The flow this session began with {@code state}, removed so it cannot be used twice; null if none. */
    private static SsoBegun takePending(HttpServletRequest request, String state) {
        HttpSession session = request.getSession(false);
        if (session == null || state == null) {
            return null;
        }
        if (!(session.getAttribute(SsoStartServlet.PENDING) instanceof Map<?, ?> known)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, SsoBegun> pending = new LinkedHashMap<>((Map<String, SsoBegun>) known);
        SsoBegun begun = pending.remove(state);
        session.setAttribute(SsoStartServlet.PENDING, pending);
        return begun;
    }
}
