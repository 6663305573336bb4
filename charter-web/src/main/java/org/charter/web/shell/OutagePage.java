package org.charter.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import org.charter.model.franchise.Language;
import org.charter.service.database.DatabaseOutage;

/**
 * The "temporarily unavailable" answer: 503, {@code Retry-After}, and a page that needs nothing but this class
 * and the message bundle (no Faces view, no session, no database), in the first of the visitor's languages the
 * product speaks.
 */
public final class OutagePage {

    private OutagePage() {}

    public static void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Language language = Collections.list(request.getLocales()).stream()
                .map(Locale::toLanguageTag)
                .map(Language::fromTag)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(Language.EN);
        ResourceBundle texts = ResourceBundle.getBundle(
                "org.charter.web.i18n.messages",
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String title = Html.escape(texts.getString("error.page.503.title"));
        String text = Html.escape(texts.getString("error.page.503.text"));
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        SecurityHeaders.apply(request, response);
        if (request.getHeader("Faces-Request") != null) {
            // an ajax request: a partial response the page shows as an error, no markup swapped in
            response.setContentType("text/xml;charset=UTF-8");
            response.getOutputStream()
                    .write(("<?xml version='1.0' encoding='UTF-8'?><partial-response><error>"
                                    + "<error-name>DatabaseUnavailable</error-name><error-message><![CDATA[" + text
                                    + "]]></error-message></error></partial-response>")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        String page = "<!DOCTYPE html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/resources/charter/charter.css\"></head><body><main class=\"outage\" role=\"main\"><h1>" + title
                + "</h1><p>" + text + "</p></main></body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
