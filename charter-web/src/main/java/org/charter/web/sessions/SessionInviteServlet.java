package org.charter.web.sessions;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.charter.model.common.NotFoundException;
import org.charter.service.sessions.SessionCalendar;
import org.charter.service.sessions.SessionLine;
import org.charter.service.sessions.SessionService;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/** {@code /store/session.ics?id=…}: a session as a calendar invite the manager can send or import. */
@WebServlet("/store/session.ics")
public class SessionInviteServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;

    @Inject
    I18n i18n;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionLine session;
        try {
            session = sessions.line(request.getParameter("id"));
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (org.charter.model.common.AccessDeniedException e) {
            // a role without receipts or invites (the platform administrator): not theirs to see
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Locale locale = Locale.forLanguageTag(i18n.getTag());
        String ics = SessionCalendar.ics(new SessionCalendar.Event(
                session.id(),
                Texts.text(locale, "session.icsSummary", session.versionNumber(), session.storeCode()),
                Texts.text(locale, "session.icsDescription", session.storeName(), session.trainer()),
                session.place(),
                session.trainer(),
                session.start(),
                session.durationMinutes(),
                Instant.now(),
                session.cancelled(),
                session.cancelled() ? 1 : 0));
        response.setContentType("text/calendar; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"session-" + session.storeCode() + ".ics\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
    }
}
