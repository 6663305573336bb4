package org.charter.web.sso;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.charter.service.sso.OidcClient;
import org.charter.service.sso.SsoBegun;
import org.charter.service.sso.SsoSignIn;
import org.charter.web.shell.Html;
import org.charter.web.shell.I18n;

/**
 * {@code /sso/start?franchise=<slug>}: hands the browser on to the franchise's OpenID provider. What the callback
 * must match is kept in the person's session, keyed by the flow's state (a few flows at once, for several tabs).
 * Only the session changes, as with any visit; when the franchise has no single sign-on, or its provider cannot
 * be asked, the sign-in page says so.
 */
@WebServlet(SsoAddresses.START)
public class SsoStartServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Session attribute: the flows begun and not yet called back, by state. */
    static final String PENDING = "charter.sso.pending";

    private static final int MOST_PENDING = 5;

    @Inject
    SsoSignIn signIn;

    @Inject
    I18n i18n;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = request.getParameter("franchise");
        Optional<SsoBegun> begun;
        try {
            begun = signIn.begin(slug, SsoAddresses.callback(request));
        } catch (OidcClient.ProviderException e) {
            log("Single sign-on could not begin: " + e.getMessage());
            toLogin(request, response, "unavailable", slug);
            return;
        }
        if (begun.isEmpty()) {
            toLogin(request, response, "notOffered", slug);
            return;
        }
        HttpSession session = request.getSession();
        @SuppressWarnings("unchecked")
        Map<String, SsoBegun> pending = session.getAttribute(PENDING) instanceof Map<?, ?> known
                ? new LinkedHashMap<>((Map<String, SsoBegun>) known)
                : new LinkedHashMap<>();
        while (pending.size() >= MOST_PENDING) {
            pending.remove(pending.keySet().iterator().next());
        }
        pending.put(begun.get().state(), begun.get());
        // set again, so that a replicated session carries the change
        session.setAttribute(PENDING, pending);
        handOver(response, begun.get().authorizationUri());
    }

    /**
     * A small page that moves on to the provider by itself (and offers the link, for a browser that does not).
     * Not a redirect: the sign-in page's form may only submit to Charter itself ({@code form-action 'self'}), and
     * a browser holds a redirect that follows a form submission to that rule too; a page that goes on by itself is
     * a navigation of its own.
     */
    private void handOver(HttpServletResponse response, String providerUri) throws IOException {
        ResourceBundle texts = ResourceBundle.getBundle("org.charter.web.i18n.messages", i18n.getLocale());
        String address = Html.escape(providerUri);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html>\n<html lang=\"" + Html.escape(i18n.getTag())
                        + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<meta http-equiv=\"refresh\" content=\"0;url=" + address + "\">"
                        + "<title>" + Html.escape(texts.getString("login.sso.title")) + "</title></head>"
                        + "<body><main><p>" + Html.escape(texts.getString("login.sso.handOver")) + "</p>"
                        + "<p><a id=\"provider\" href=\"" + address + "\">"
                        + Html.escape(texts.getString("login.sso.start")) + "</a></p></main></body></html>\n");
    }

    static void toLogin(HttpServletRequest request, HttpServletResponse response, String why, String slug)
            throws IOException {
        String franchise = slug == null || !slug.matches("[a-z0-9-]{1,64}") ? "" : "&franchise=" + slug;
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + "/login.xhtml?sso=" + why + franchise);
    }
}
