package org.charter.service.notice;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of notices and their mails, in the reader's language: the same for the inbox and the mail, from the
 * bundle {@code org.charter.service.notice.notices}. A notice stores its kind and parameters, never its text, so
 * each reader sees it in the language they read in. Dates are written out in the reader's language; a session's
 * start is shown on its store's clock.
 */
public final class NoticeText {

    static final String BUNDLE = "org.charter.service.notice.notices";

    /** Made once: each {@code Json.createReader} looks the provider up again, a cost paid per mail otherwise. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private NoticeText() {}

    /** The notice's title: the inbox line and the mail's subject. */
    public static String title(NoticeKind kind, String params, Locale locale) {
        return format(locale, "notice." + kind.name() + ".title", kind, params);
    }

    /** The notice's text: the inbox detail and the mail's message. */
    public static String body(NoticeKind kind, String params, Locale locale) {
        return format(locale, "notice." + kind.name() + ".body", kind, params);
    }

    /** The words of the link to what the notice is about. */
    public static String action(NoticeKind kind, Locale locale) {
        return text(locale, "notice." + kind.name() + ".action");
    }

    /** A text of the mails' frame (greeting, footers), with its arguments. */
    public static String text(Locale locale, String key, Object... arguments) {
        String pattern = bundle(locale).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** Reads the stored parameters. */
    public static Map<String, String> params(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> values.put(
                    name,
                    value instanceof JsonString s ? s.getString() : value == JsonValue.NULL ? "" : value.toString()));
        }
        return values;
    }

    private static String format(Locale locale, String key, NoticeKind kind, String json) {
        Map<String, String> values = params(json);
        Object[] arguments = kind.params().stream()
                .map(name -> localised(name, values, locale))
                .toArray();
        return new MessageFormat(bundle(locale).getString(key), locale).format(arguments);
    }

    /** Numbers stay numbers (for plural choices), dates and times are written out, the rest is shown as it is. */
    private static Object localised(String name, Map<String, String> values, Locale locale) {
        String value = values.getOrDefault(name, "");
        if (value.isEmpty()) {
            return value;
        }
        switch (name) {
            case "due", "deadline" -> {
                return LocalDate.parse(value)
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(locale));
            }
            case "at" -> {
                return Instant.parse(value)
                        .atZone(ZoneId.of(values.getOrDefault("zone", "UTC")))
                        .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                .withLocale(locale));
            }
            case "target" -> {
                String[] parts = value.split(" ", 2);
                return parts.length < 2 ? value : parts[0] + " " + text(locale, "unit." + parts[1]);
            }
            case "kind", "action" -> {
                return text(locale, name + "." + value);
            }
            case "start" -> {
                return start(values)
                        .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                .withLocale(locale));
            }
            case "open", "sessions", "stores", "version" -> {
                return Long.parseLong(value);
            }
            default -> {
                return value;
            }
        }
    }

    /** A session's start (an instant) on its store's clock ({@code zone}). */
    public static ZonedDateTime start(Map<String, String> values) {
        return Instant.parse(values.get("start")).atZone(ZoneId.of(values.getOrDefault("zone", "UTC")));
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, NoticeText.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NoticeText.class.getClassLoader(), NO_FALLBACK);
        }
    }
}
