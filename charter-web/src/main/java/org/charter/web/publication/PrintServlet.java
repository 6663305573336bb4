package org.charter.web.publication;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.charter.service.publication.PublicCharter;
import org.charter.service.publication.PublishedCharterService;

/**
 * {@code /pdf/{franchise}[/{store}]} prints the charter as its public page shows it; {@code /poster/{franchise}/{store}}
 * makes the in-store poster whose QR code opens the store's page. Same parameters as the public page.
 */
@WebServlet(urlPatterns = {"/pdf/*", "/poster/*"})
public class PrintServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PublishedCharterService published;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean poster = request.getServletPath().startsWith("/poster");
        PublicRequest asked;
        try {
            Optional<PublicRequest> parsed = PublicRequest.of(request);
            if (parsed.isEmpty() || (poster && parsed.get().store() == null)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            asked = parsed.get();
        } catch (PublicRequest.BadDate e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Optional<PublicCharter> charter = published.read(asked.slug(), asked.store(), asked.on(), asked.languages());
        if (charter.isEmpty() || charter.get().version() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        String name;
        if (poster) {
            String storeUrl = request.getScheme() + "://" + request.getServerName()
                    + (isDefaultPort(request) ? "" : ":" + request.getServerPort()) + request.getContextPath() + "/c/"
                    + asked.slug() + "/" + charter.get().store().code();
            PrintedCharter.poster(charter.get(), storeUrl, pdf);
            name = "poster-" + asked.slug() + "-" + charter.get().store().code() + ".pdf";
        } else {
            PrintedCharter.charter(charter.get(), pdf);
            name = "charter-" + asked.slug() + "-v" + charter.get().version().number() + "-"
                    + charter.get().language().tag() + ".pdf";
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(pdf.size());
        pdf.writeTo(response.getOutputStream());
    }

    private static boolean isDefaultPort(HttpServletRequest request) {
        return (request.getServerPort() == 80 && "http".equals(request.getScheme()))
                || (request.getServerPort() == 443 && "https".equals(request.getScheme()));
    }
}
