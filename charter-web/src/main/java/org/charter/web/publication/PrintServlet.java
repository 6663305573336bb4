package org.charter.web.publication;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /pdf/{franchise}[/{store}]} prints the charter as its public page shows it; {@code /poster/{franchise}/{store}}
 * makes the in-store poster whose QR code opens the store's page at the configured public address. Same
 * parameters as the public page. Each print is rendered once and then served from {@link PublicSide} (the header
 * {@code X-Charter-Cache} says {@code hit} or {@code miss}); each client address may ask for {@link
 * PublicSide#PRINTS_PER_MINUTE_KEY} prints a minute, and is then answered 429 with {@code Retry-After}.
 */
@WebServlet(urlPatterns = {"/pdf/*", "/poster/*"})
public class PrintServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PublicSide side;

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
        OptionalLong wait = side.printRefused(org.charter.web.shell.ClientAddress.of(request));
        if (wait.isPresent()) {
            tooMany(asked, wait.getAsLong(), response);
            return;
        }
        Optional<PublicSide.Reading> reading = side.read(asked, request.getContextPath());
        if (reading.isEmpty() || reading.get().charter().version() == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PublicSide.Print print = side.print(reading.get(), poster);
        byte[] pdf = print.printed().pdf();
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition", "inline; filename=\"" + print.printed().fileName() + "\"");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Vary", "Accept-Language");
        response.setHeader("X-Charter-Cache", print.cached() ? "hit" : "miss");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    /** 429 in the reader's language, with the seconds to wait; no look-up of any kind before it. */
    private static void tooMany(PublicRequest asked, long seconds, HttpServletResponse response) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Content-Language", asked.readerLanguage().tag());
        response.getWriter()
                .write(org.charter.web.shell.Texts.text(asked.readerLanguage().locale(), "public.tooMany", seconds)
                        + "\n");
    }
}
