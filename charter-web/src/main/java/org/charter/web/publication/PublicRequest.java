package org.charter.web.publication;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.charter.model.franchise.Language;

/**
 * What a public address asks for: {@code /{franchise}[/{store}]}, {@code ?lang=} (else the browser's languages)
 * and {@code ?on=YYYY-MM-DD}. Empty when the address cannot be read; a date that is not one is "bad request".
 */
record PublicRequest(String slug, String store, List<Language> languages, LocalDate on) {

    static final class BadDate extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Longest franchise address name and store code there can be (the schema's limits). */
    private static final int MAX_SLUG = 40;

    private static final int MAX_STORE_CODE = 20;

    static Optional<PublicRequest> of(HttpServletRequest request) throws BadDate {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        if (parts.length < 1
                || parts.length > 2
                || parts[0].isEmpty()
                || parts[0].length() > MAX_SLUG
                || (parts.length == 2 && parts[1].length() > MAX_STORE_CODE)) {
            return Optional.empty();
        }
        List<Language> wanted = new ArrayList<>();
        Language.fromTag(request.getParameter("lang")).ifPresent(wanted::add);
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                Language.fromTag(locale.toLanguageTag())
                        .filter(l -> !wanted.contains(l))
                        .ifPresent(wanted::add);
            }
        }
        LocalDate on;
        try {
            String day = request.getParameter("on");
            on = day == null || day.isBlank() ? null : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new BadDate();
        }
        return Optional.of(new PublicRequest(
                parts[0].toLowerCase(Locale.ROOT), parts.length == 2 ? parts[1] : null, List.copyOf(wanted), on));
    }

    /** The language the reader asked for first (English when none), for answers given before any look-up. */
    Language readerLanguage() {
        return languages.isEmpty() ? Language.EN : languages.get(0);
    }

    /** The store code as stored (upper case), or null. */
    String storeCode() {
        return store == null ? null : store.toUpperCase(Locale.ROOT);
    }
}
