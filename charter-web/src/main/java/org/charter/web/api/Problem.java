package org.charter.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.charter.model.franchise.Language;
import org.charter.web.shell.Texts;

/**
 * An error of the API as problem details (RFC 9457), in the caller's language: the first of their
 * {@code Accept-Language} that the product speaks, else English.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType JSON = new MediaType("application", "problem+json");

    /** The answer for {@code status}, its detail from the message bundle. */
    public static Response answer(HttpHeaders headers, int status, String key, Object... arguments) {
        Locale locale = locale(headers);
        Problem problem = new Problem(
                "about:blank", Texts.text(locale, "api.problem." + status), status, Texts.text(locale, key, arguments));
        return Response.status(status)
                .type(JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .entity(problem)
                .build();
    }

    static Locale locale(HttpHeaders headers) {
        List<Locale> wanted = headers == null ? List.of() : headers.getAcceptableLanguages();
        return wanted.stream()
                .map(locale -> Language.fromTag(locale.getLanguage()))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(Language.EN)
                .locale();
    }
}
