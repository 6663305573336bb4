package org.charter.web.publication;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.charter.model.franchise.Language;
import org.charter.service.publication.PublicCharter;
import org.charter.web.shell.HoursText;
import org.charter.web.shell.Texts;

/**
 * The public charter page as HTML: light, printable, readable on a phone. Everything is escaped except the
 * section bodies, which were sanitised when they were saved.
 */
final class PublicCharterPage {

    private final PublicCharter charter;
    private final String root;
    private final String self;
    private final Locale locale;
    private final DateTimeFormatter dates;
    private final StringBuilder html = new StringBuilder(16_384);

    /**
     * The page at {@code root} (the context path on the web, so its links stay relative to the address it was
     * read at). When {@code absolute}, {@code root} is the configured public address and every link is absolute,
     * as a printed page needs.
     */
    PublicCharterPage(PublicCharter charter, String root, boolean absolute) {
        this.charter = charter;
        this.root = root;
        this.self = absolute
                ? root + "/c/" + charter.slug()
                        + (charter.store() == null ? "" : "/" + charter.store().code())
                : "";
        this.locale = charter.language().locale();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    String render() {
        String title = text("public.title") + " · " + charter.franchiseName();
        html.append("<!DOCTYPE html><html lang=\"")
                .append(charter.language().tag())
                .append("\"><head>")
                .append(
                        "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(escape(title))
                .append("</title><style>")
                .append(PublicStyle.CSS)
                .append("</style></head><body>")
                .append("<header><div class=\"franchise\">")
                .append(escape(charter.franchiseName()))
                .append("</div>");
        languages();
        html.append("</header><main>");
        html.append("<h1>").append(escape(text("public.title"))).append("</h1>");
        if (charter.store() != null) {
            store();
        }
        if (charter.version() == null) {
            html.append("<p class=\"notice\" id=\"not-published\">")
                    .append(escape(text("public.notYet")))
                    .append("</p>");
        } else {
            html.append("<p class=\"meta\" id=\"version\">")
                    .append(escape(text(
                            "public.version",
                            charter.version().number(),
                            date(charter.version().effective()))))
                    .append("</p>");
            if (charter.version().until() != null) {
                html.append("<p class=\"notice\">")
                        .append(escape(text("public.earlier", date(charter.on()))))
                        .append("</p>");
            }
            sections();
        }
        history();
        printLinks();
        html.append("</main><footer>");
        if (charter.version() != null && charter.version().sha256() != null) {
            html.append("<span class=\"hash\">SHA-256 ")
                    .append(escape(charter.version().sha256()))
                    .append("</span>");
        }
        html.append("</footer></body></html>");
        return html.toString();
    }

    private void languages() {
        html.append("<nav class=\"languages\" aria-label=\"")
                .append(escape(text("field.language")))
                .append("\">");
        for (Language language : charter.languages()) {
            String name = language.locale().getDisplayLanguage(language.locale());
            html.append("<a lang=\"")
                    .append(language.tag())
                    .append("\" href=\"")
                    .append(escape(self))
                    .append("?lang=")
                    .append(language.tag());
            if (charter.on() != null
                    && charter.version() != null
                    && charter.version().until() != null) {
                html.append("&amp;on=").append(charter.on());
            }
            html.append('"')
                    .append(language == charter.language() ? " aria-current=\"true\"" : "")
                    .append('>')
                    .append(escape(name))
                    .append("</a>");
        }
        html.append("</nav>");
    }

    private void store() {
        PublicCharter.StoreInfo store = charter.store();
        html.append("<section class=\"store\" id=\"store\"><h2>")
                .append(escape(store.name()))
                .append("</h2><p>");
        appendLine(store.street());
        appendLine(join(store.postalCode(), store.city()));
        appendLine(store.country());
        html.append("</p>");
        if (!store.channels().isEmpty()) {
            html.append("<table><thead><tr><th>")
                    .append(escape(text("field.channel")))
                    .append("</th><th>")
                    .append(escape(text("field.contact")))
                    .append("</th><th>")
                    .append(escape(text("field.hours")))
                    .append("</th></tr></thead><tbody>");
            for (PublicCharter.Channel channel : store.channels()) {
                html.append("<tr><td>")
                        .append(escape(text("channel." + channel.kind())))
                        .append("</td><td>")
                        .append(contact(channel))
                        .append("</td><td>")
                        .append(escape(HoursText.of(channel.hours(), locale)))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<p class=\"feedback\"><a id=\"feedback\" href=\"")
                .append(escape(root))
                .append("/feedback/")
                .append(escape(charter.slug()))
                .append('/')
                .append(escape(store.code()))
                .append("?lang=")
                .append(charter.language().tag())
                .append("\">")
                .append(escape(text("feedback.link")))
                .append("</a></p>");
        html.append("</section>");
    }

    private String contact(PublicCharter.Channel channel) {
        String value = channel.contact() == null ? "" : channel.contact();
        return switch (channel.kind()) {
            case EMAIL -> "<a href=\"mailto:" + escape(value) + "\">" + escape(value) + "</a>";
            case PHONE -> "<a href=\"tel:" + escape(value.replaceAll("[^+0-9]", "")) + "\">" + escape(value) + "</a>";
            default -> escape(value);
        };
    }

    private void sections() {
        for (PublicCharter.Section section : charter.sections()) {
            html.append("<section id=\"")
                    .append(section.kind())
                    .append("\"><h2>")
                    .append(escape(section.title()))
                    .append("</h2>")
                    .append(section.body());
            if (!section.standards().isEmpty()) {
                html.append("<ul class=\"standards\">");
                for (PublicCharter.Standard standard : section.standards()) {
                    html.append("<li><strong>")
                            .append(escape(standard.promise()))
                            .append("</strong> · ")
                            .append(escape(text("channel." + standard.channel())))
                            .append(" · ")
                            .append(escape(standard.targetValue() + " " + text("unit." + standard.targetUnit())))
                            .append("</li>");
                }
                html.append("</ul>");
            }
            html.append("</section>");
        }
    }

    private void history() {
        if (charter.history().isEmpty()) {
            return;
        }
        html.append("<section class=\"history\" id=\"history\"><h2>")
                .append(escape(text("public.history")))
                .append("</h2><ul>");
        for (PublicCharter.VersionInfo version : charter.history()) {
            html.append("<li><a href=\"")
                    .append(escape(self))
                    .append("?on=")
                    .append(version.effective())
                    .append("&amp;lang=")
                    .append(charter.language().tag())
                    .append("\">")
                    .append(escape(text("public.versionShort", version.number())))
                    .append("</a> · ")
                    .append(escape(
                            version.until() == null
                                    ? text("public.since", date(version.effective()))
                                    : text("public.between", date(version.effective()), date(version.until()))));
            if (version.changeSummary() != null) {
                html.append("<br><span class=\"meta\">")
                        .append(escape(version.changeSummary()))
                        .append("</span>");
            }
            html.append("</li>");
        }
        html.append("</ul></section>");
    }

    private void printLinks() {
        if (charter.version() == null) {
            return;
        }
        String where = charter.slug()
                + (charter.store() == null ? "" : "/" + charter.store().code());
        String query = "?lang=" + charter.language().tag() + "&amp;on=" + charter.on();
        html.append("<p class=\"print\"><a id=\"pdf\" href=\"")
                .append(escape(root))
                .append("/pdf/")
                .append(where)
                .append(query)
                .append("\">")
                .append(escape(text("public.pdf")))
                .append("</a>");
        if (charter.store() != null) {
            html.append(" · <a id=\"poster\" href=\"")
                    .append(escape(root))
                    .append("/poster/")
                    .append(where)
                    .append("?lang=")
                    .append(charter.language().tag())
                    .append("\">")
                    .append(escape(text("public.poster")))
                    .append("</a>");
        }
        html.append("</p>");
    }

    private void appendLine(String line) {
        if (line != null && !line.isBlank()) {
            html.append(escape(line)).append("<br>");
        }
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    private String date(LocalDate day) {
        return day == null ? "" : dates.format(day);
    }

    private String text(String key, Object... arguments) {
        return Texts.text(locale, key, arguments);
    }

    static String text(PublicCharter charter, String key, Object... arguments) {
        return Texts.text(charter.language().locale(), key, arguments);
    }

    static String escape(String value) {
        return org.charter.web.shell.Html.escape(value);
    }
}
