package org.charter.web.publication;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code /c/{franchise}} and {@code /c/{franchise}/{store}}: the charter in force, for customers, without
 * sign-in. {@code ?lang=} picks the language (else the browser's, else the franchise's), {@code ?on=YYYY-MM-DD}
 * the day. Rendered pages are kept by {@link PublicSide} for a short while and carry an ETag, so repeated reads
 * cost little; a version's content never changes, and a publication shows within {@link
 * PublicSide#FRESH_FOR_NANOS}.
 */
@WebServlet(urlPatterns = "/c/*")
public class PublicCharterServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PublicSide side;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PublicRequest asked;
        try {
            Optional<PublicRequest> parsed = PublicRequest.of(request);
            if (parsed.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            asked = parsed.get();
        } catch (PublicRequest.BadDate e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Optional<PublicSide.Reading> found = side.read(asked, request.getContextPath());
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PublicSide.Reading page = found.get();
        LocalDate on = asked.on();
        response.setHeader("ETag", page.etag());
        boolean pastDay = on != null && on.isBefore(LocalDate.now().minusDays(1));
        response.setHeader("Cache-Control", pastDay ? "public, max-age=86400" : "public, max-age=60");
        response.setHeader("Vary", "Accept-Language");
        if (page.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(page.html());
    }
}
