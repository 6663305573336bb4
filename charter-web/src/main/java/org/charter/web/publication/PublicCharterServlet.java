package org.charter.web.publication;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.charter.service.publication.PublicCharter;
import org.charter.service.publication.PublishedCharterService;

/**
 * {@code /c/{franchise}} and {@code /c/{franchise}/{store}}: the charter in force, for customers, without
 * sign-in. {@code ?lang=} picks the language (else the browser's, else the franchise's), {@code ?on=YYYY-MM-DD}
 * the day. Rendered pages are kept for a short while and carry an ETag, so repeated reads cost little; a
 * version's content never changes, and a publication shows within {@link #FRESH_FOR_MILLIS}.
 */
@WebServlet(urlPatterns = "/c/*")
public class PublicCharterServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final long FRESH_FOR_MILLIS = 30_000;
    private static final int MAX_CACHED = 10_000;

    private record Rendered(String html, String etag, long expires) {}

    private final Map<String, Rendered> cache = new ConcurrentHashMap<>();

    @Inject
    PublishedCharterService published;

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
        LocalDate on = asked.on();
        String key = asked.cacheKey();
        Rendered page = cache.get(key);
        if (page == null || page.expires() < System.currentTimeMillis()) {
            Optional<PublicCharter> charter = published.read(asked.slug(), asked.store(), on, asked.languages());
            if (charter.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String html = new PublicCharterPage(charter.get(), request.getContextPath()).render();
            page = new Rendered(
                    html,
                    "W/\"" + charter.get().fingerprint().substring(0, 32) + "\"",
                    System.currentTimeMillis() + FRESH_FOR_MILLIS);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, page);
        }
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
