package org.charter.web.rollout;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.Signatures.Confirmation;
import org.charter.web.shell.ClientAddress;
import org.charter.web.shell.FormGuard;

/**
 * {@code POST /app/sign}: the signature of the training page, as a plain form post. It restores no page and
 * keeps nothing in the session: the page sends back the version, the language and the SHA-256 of the text it
 * showed, the typed name and the session's {@link FormGuard} token; the service checks them and signs in one
 * statement. The answer is a redirect back to the training page, which shows the receipt or, when the
 * signature was refused, why (a short code the page turns into a message in the reader's language).
 */
@WebServlet("/app/sign")
public class SignServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The refusals the page can explain, by the code the redirect carries. */
    static final Map<String, String> PROBLEMS = Map.of(
            "error.ack.name", "name",
            "error.ack.quizFirst", "quiz",
            "error.ack.changed", "changed",
            "error.charter.language", "changed");

    @Inject
    AcknowledgementService acknowledgements;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String version = request.getParameter("version");
        if (!Ids.isWellFormed(version)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!FormGuard.accepts(request, request.getParameter("token"))) {
            back(request, response, version, "problem=expired");
            return;
        }
        try {
            acknowledgements.sign(new Confirmation(
                    version,
                    Language.fromTag(request.getParameter("lang")).orElse(null),
                    request.getParameter("shown"),
                    request.getParameter("typedName"),
                    ClientAddress.of(request),
                    request.getHeader("User-Agent")));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (BusinessException e) {
            back(request, response, version, "problem=" + PROBLEMS.getOrDefault(e.getMessageKey(), "changed"));
            return;
        }
        back(request, response, version, "signed=true");
    }

    /** 303: the browser fetches the training page afresh, so a reload never posts the signature again. */
    private static void back(HttpServletRequest request, HttpServletResponse response, String version, String outcome) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(
                "Location",
                request.getContextPath() + "/app/training.xhtml?version="
                        + URLEncoder.encode(version, StandardCharsets.UTF_8) + "&" + outcome);
    }
}
