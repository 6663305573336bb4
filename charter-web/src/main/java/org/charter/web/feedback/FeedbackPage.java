package org.charter.web.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import org.charter.model.common.BusinessException;
import org.charter.model.feedback.EntryKind;
import org.charter.model.feedback.Feedback;
import org.charter.model.feedback.FeedbackKind;
import org.charter.model.feedback.FeedbackStatus;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.charter.service.feedback.FeedbackIntake;
import org.charter.web.publication.PublicStyle;
import org.charter.web.shell.Html;

/**
 * The feedback form and the case's status page as HTML: plain forms that work without script, every input with
 * its label, every error next to its field and named at the top, in the customer's language.
 */
final class FeedbackPage {

    /** The channels a customer can name (postal and chat are not offered as places where something happened). */
    static final List<ChannelKind> CHANNELS =
            List.of(ChannelKind.IN_PERSON, ChannelKind.PHONE, ChannelKind.EMAIL, ChannelKind.SOCIAL);

    static final List<String> FIELDS = List.of(
            "kind",
            "channel",
            "section",
            "rating",
            "message",
            "servedBy",
            "contactName",
            "contactEmail",
            "contactPhone",
            "consent");

    /** An error: on a field (or on the whole form when null), with its message key and arguments. */
    record Problem(String field, String key, Object... arguments) {}

    private static final String EXTRA_STYLE = "form .field{margin:1rem 0}label,legend{font-weight:600;display:block}"
            + "fieldset{border:1px solid #d1d5db;border-radius:6px;padding:.6rem .8rem;margin:1rem 0}"
            + ".choices label{font-weight:400;display:inline-flex;gap:.35rem;align-items:center;margin:.3rem 1rem .3rem 0}"
            + "input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;box-sizing:border-box;"
            + "font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:4px}textarea{min-height:8rem}"
            + "input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid #b45309;outline-offset:2px}"
            + ".hint{color:#4b5563;font-size:.9rem;margin:.2rem 0}.error{color:#b91c1c;font-weight:600;margin:.2rem 0}"
            + ".errors{border:2px solid #b91c1c;border-radius:6px;padding:.6rem .9rem;background:#fef2f2}"
            + "button{font:inherit;font-weight:600;background:#0f766e;color:#fff;border:0;border-radius:6px;"
            + "padding:.6rem 1.2rem;cursor:pointer;margin:.2rem .4rem .2rem 0}.hp{position:absolute;left:-10000px;"
            + "width:1px;height:1px;overflow:hidden}.reference{font-size:1.8rem;font-weight:700;letter-spacing:.1em}"
            + ".thread li{margin:.6rem 0;padding:.5rem .7rem;border-left:4px solid #0f766e;background:#f9fafb;list-style:none}"
            + ".thread{padding:0}.thread .who{font-weight:600}.success{background:#ecfdf5;padding:.6rem .8rem;border-radius:6px}"
            + ".stars button{min-width:3rem}";

    private final Language language;
    private final String root;
    private final StringBuilder html = new StringBuilder(12_288);

    FeedbackPage(Language language, String root) {
        this.language = language;
        this.root = root;
    }

    String form(FeedbackIntake.Form form, Map<String, String> typed, String token, List<Problem> problems) {
        String self = root + "/feedback/" + form.franchise().slug() + "/" + form.storeCode();
        open(
                form.franchise().name(),
                text("feedback.title", form.storeName()),
                form.franchise().languages(),
                self);
        html.append("<h1>")
                .append(esc(text("feedback.title", form.storeName())))
                .append("</h1>");
        html.append("<p>").append(esc(text("feedback.intro"))).append("</p>");
        problems(problems);
        html.append("<form method=\"post\" action=\"")
                .append(esc(self))
                .append("\" accept-charset=\"UTF-8\" novalidate>")
                .append("<input type=\"hidden\" name=\"t\" value=\"")
                .append(esc(token))
                .append("\"><input type=\"hidden\" name=\"lang\" value=\"")
                .append(language.tag())
                .append("\">");
        // what kind
        fieldsetStart("kind", text("feedback.kind"), problems, true);
        for (FeedbackKind kind : FeedbackKind.values()) {
            radio("kind", kind.name(), text("feedback.kind." + kind.name()), typed, problems);
        }
        fieldsetEnd("kind", problems);
        // where
        fieldStart("channel", text("feedback.channel"), problems, true);
        html.append("<select id=\"channel\" name=\"channel\" required")
                .append(described("channel", problems))
                .append('>');
        option("", text("feedback.choose"), typed.get("channel"));
        for (ChannelKind channel : CHANNELS) {
            option(channel.name(), text("channel." + channel.name()), typed.get("channel"));
        }
        html.append("</select>");
        fieldEnd("channel", problems);
        // which promise
        if (!form.topics().isEmpty()) {
            fieldStart("section", text("feedback.section"), problems, false);
            html.append("<p class=\"hint\" id=\"section-hint\">")
                    .append(esc(text("feedback.section.hint")))
                    .append("</p><select id=\"section\" name=\"section\" aria-describedby=\"section-hint")
                    .append(problemOn("section", problems) ? " section-error" : "")
                    .append("\">");
            option("", text("feedback.section.none"), typed.get("section"));
            for (FeedbackIntake.Topic topic : form.topics()) {
                html.append("<optgroup label=\"").append(esc(topic.title())).append("\">");
                option(topic.sectionId(), topic.title(), typed.get("section"));
                for (String promise : topic.promises()) {
                    html.append("<option value=\"")
                            .append(esc(topic.sectionId()))
                            .append("\">")
                            .append(esc("… " + promise))
                            .append("</option>");
                }
                html.append("</optgroup>");
            }
            html.append("</select>");
            fieldEnd("section", problems);
        }
        // rating
        fieldsetStart("rating", text("feedback.rating"), problems, false);
        for (int stars = 1; stars <= 5; stars++) {
            radio("rating", Integer.toString(stars), text("feedback.rating." + stars), typed, problems);
        }
        fieldsetEnd("rating", problems);
        // message
        fieldStart("message", text("feedback.message"), problems, true);
        html.append("<textarea id=\"message\" name=\"message\" required maxlength=\"")
                .append(Feedback.MESSAGE_LENGTH)
                .append('"')
                .append(described("message", problems))
                .append('>')
                .append(esc(typed.getOrDefault("message", "")))
                .append("</textarea>");
        fieldEnd("message", problems);
        textInput("servedBy", "text", text("feedback.servedBy"), Feedback.NAME_LENGTH, "off", typed, problems);
        // contact, only with consent
        html.append("<fieldset><legend>").append(esc(text("feedback.contact"))).append("</legend>");
        html.append("<p class=\"hint\">")
                .append(esc(text("feedback.contact.hint")))
                .append("</p>");
        textInput("contactName", "text", text("field.name"), Feedback.NAME_LENGTH, "name", typed, problems);
        textInput("contactEmail", "email", text("field.email"), Feedback.EMAIL_LENGTH, "email", typed, problems);
        textInput("contactPhone", "tel", text("field.phone"), Feedback.PHONE_LENGTH, "tel", typed, problems);
        html.append("<div class=\"field choices\"><label for=\"consent\"><input type=\"checkbox\" id=\"consent\""
                        + " name=\"consent\" value=\"yes\"")
                .append("yes".equals(typed.get("consent")) ? " checked" : "")
                .append(described("consent", problems))
                .append("> ")
                .append(esc(text("feedback.consent")))
                .append("</label>");
        if (form.privacySection()) {
            html.append("<p class=\"hint\"><a href=\"")
                    .append(esc(root + "/c/" + form.franchise().slug() + "/" + form.storeCode() + "?lang="
                            + language.tag() + "#PRIVACY"))
                    .append("\">")
                    .append(esc(text("feedback.privacy")))
                    .append("</a></p>");
        }
        fieldEnd("consent", problems);
        html.append("</fieldset>");
        // a field people do not see and machines fill in
        html.append("<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">")
                .append(esc(text("feedback.honeypot")))
                .append(
                        "</label><input type=\"text\" id=\"website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\">"
                                + "</div>");
        html.append("<button type=\"submit\" id=\"send\">")
                .append(esc(text("feedback.send")))
                .append("</button></form>");
        return close();
    }

    String tooMany(FeedbackIntake.Form form, long seconds) {
        open(form.franchise().name(), text("feedback.title", form.storeName()), List.of(), null);
        html.append("<h1>")
                .append(esc(text("feedback.tooMany.title")))
                .append("</h1><p role=\"alert\">")
                .append(esc(text("feedback.tooMany", Math.max(1, (seconds + 59) / 60))))
                .append("</p>");
        return close();
    }

    String status(
            FeedbackIntake.Status status, String secret, boolean justSent, String done, BusinessException problem) {
        Feedback feedback = status.feedback();
        String self = root + "/feedback/" + status.franchise().slug() + "/case/" + status.reference();
        String selfWithSecret = self + "?k=" + secret;
        open(
                status.franchise().name(),
                text("feedback.case.title", status.reference()),
                status.franchise().languages(),
                selfWithSecret);
        html.append("<h1>")
                .append(esc(text("feedback.case.heading", status.storeName())))
                .append("</h1>");
        if (justSent) {
            html.append("<div class=\"success\" role=\"status\" id=\"sent\"><p>")
                    .append(esc(text("feedback.case.thanks")))
                    .append("</p><p>")
                    .append(esc(text(feedback.hasMailContact() ? "feedback.case.mailed" : "feedback.case.keepLink")))
                    .append("</p></div>");
        }
        if ("answer".equals(done) || "rate".equals(done)) {
            html.append("<p class=\"success\" role=\"status\" id=\"done\">")
                    .append(esc(text("feedback.case.done." + done)))
                    .append("</p>");
        }
        if (problem != null) {
            html.append("<div class=\"errors\" role=\"alert\" id=\"problems\"><p>")
                    .append(esc(text(problem.getMessageKey(), problem.getArguments())))
                    .append("</p></div>");
        }
        html.append("<p>")
                .append(esc(text("feedback.case.reference")))
                .append("</p><p class=\"reference\" id=\"reference\">")
                .append(esc(status.reference()))
                .append("</p>");
        html.append("<dl><dt>")
                .append(esc(text("feedback.case.status")))
                .append("</dt><dd id=\"status\">")
                .append(esc(text("feedback.status." + feedback.getStatus().name())))
                .append("</dd><dt>")
                .append(esc(text("feedback.kind")))
                .append("</dt><dd>")
                .append(esc(text("feedback.kind." + feedback.getKind().name())))
                .append("</dd><dt>")
                .append(esc(text("feedback.case.received")))
                .append("</dt><dd>")
                .append(esc(when(feedback.getReceivedAt(), feedback.getTimeZone())))
                .append("</dd></dl>");
        html.append("<h2>")
                .append(esc(text("feedback.message")))
                .append("</h2><p style=\"white-space:pre-wrap\">")
                .append(esc(feedback.getMessage()))
                .append("</p>");
        if (status.thread().isEmpty()) {
            html.append("<h2>")
                    .append(esc(text("feedback.case.thread")))
                    .append("</h2><p id=\"noReply\">")
                    .append(esc(text("feedback.case.noReplyYet")))
                    .append("</p>");
        } else {
            html.append("<h2>")
                    .append(esc(text("feedback.case.thread")))
                    .append("</h2><ul class=\"thread\" id=\"thread\">");
            for (FeedbackIntake.Line line : status.thread()) {
                html.append("<li><span class=\"who\">");
                if (line.kind() == EntryKind.STATUS) {
                    html.append(esc(text("feedback.status." + line.status().name())));
                } else {
                    html.append(esc(text(
                            line.kind() == EntryKind.REPLY ? "feedback.case.fromStore" : "feedback.case.fromYou",
                            status.storeName())));
                }
                html.append("</span> · ").append(esc(when(line.at(), feedback.getTimeZone())));
                if (line.body() != null) {
                    html.append("<p style=\"white-space:pre-wrap\">")
                            .append(esc(line.body()))
                            .append("</p>");
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        if (feedback.isReplied() && feedback.getReplyRating() == null) {
            html.append("<form method=\"post\" action=\"")
                    .append(esc(self))
                    .append("\" class=\"stars\" id=\"rate\">")
                    .append(hidden("k", secret))
                    .append(hidden("do", "rate"))
                    .append(hidden("lang", language.tag()))
                    .append("<fieldset><legend>")
                    .append(esc(text("feedback.case.rate")))
                    .append("</legend>");
            for (int stars = 1; stars <= 5; stars++) {
                html.append("<button type=\"submit\" name=\"stars\" value=\"")
                        .append(stars)
                        .append("\" id=\"stars-")
                        .append(stars)
                        .append("\">")
                        .append(esc(text("feedback.rating." + stars)))
                        .append("</button>");
            }
            html.append("</fieldset></form>");
        } else if (feedback.getReplyRating() != null) {
            html.append("<p id=\"rated\">")
                    .append(esc(text("feedback.case.rated", text("feedback.rating." + feedback.getReplyRating()))))
                    .append("</p>");
        }
        if (feedback.getStatus().open()) {
            html.append("<form method=\"post\" action=\"")
                    .append(esc(self))
                    .append("\" id=\"answer\" accept-charset=\"UTF-8\">")
                    .append(hidden("k", secret))
                    .append(hidden("do", "answer"))
                    .append(hidden("lang", language.tag()))
                    .append("<div class=\"field\"><label for=\"text\">")
                    .append(esc(text(
                            feedback.getStatus() == FeedbackStatus.WAITING
                                    ? "feedback.case.answerWaiting"
                                    : "feedback.case.answer")))
                    .append("</label><textarea id=\"text\" name=\"text\" required maxlength=\"")
                    .append(Feedback.MESSAGE_LENGTH)
                    .append("\"></textarea></div><button type=\"submit\" id=\"sendAnswer\">")
                    .append(esc(text("feedback.send")))
                    .append("</button></form>");
        }
        return close();
    }

    // --- the frame -------------------------------------------------------------------------------------------

    private void open(String franchiseName, String title, List<Language> languages, String self) {
        html.append("<!DOCTYPE html><html lang=\"")
                .append(language.tag())
                .append("\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<meta name=\"referrer\" content=\"no-referrer\"><title>")
                .append(esc(title + " · " + franchiseName))
                .append("</title><style>")
                .append(PublicStyle.CSS)
                .append(EXTRA_STYLE)
                .append("</style></head><body><header><div class=\"franchise\">")
                .append(esc(franchiseName))
                .append("</div>");
        if (self != null && languages.size() > 1) {
            html.append("<nav class=\"languages\" aria-label=\"")
                    .append(esc(text("field.language")))
                    .append("\">");
            String separator = self.contains("?") ? "&" : "?";
            for (Language other : languages) {
                html.append("<a lang=\"")
                        .append(other.tag())
                        .append("\" hreflang=\"")
                        .append(other.tag())
                        .append("\" href=\"")
                        .append(esc(self + separator + "lang=" + other.tag()))
                        .append('"')
                        .append(other == language ? " aria-current=\"true\"" : "")
                        .append('>')
                        .append(esc(other.locale().getDisplayLanguage(other.locale())))
                        .append("</a>");
            }
            html.append("</nav>");
        }
        html.append("</header><main>");
    }

    private String close() {
        html.append("</main></body></html>");
        return html.toString();
    }

    // --- fields ----------------------------------------------------------------------------------------------

    private void problems(List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        html.append("<div class=\"errors\" role=\"alert\" id=\"problems\"><p>")
                .append(esc(text("feedback.error.intro")))
                .append("</p><ul>");
        for (Problem problem : problems) {
            html.append("<li>");
            if (problem.field() != null) {
                html.append("<a href=\"#").append(problem.field()).append("\">");
            }
            html.append(esc(text(problem.key(), problem.arguments())));
            if (problem.field() != null) {
                html.append("</a>");
            }
            html.append("</li>");
        }
        html.append("</ul></div>");
    }

    private void fieldStart(String field, String label, List<Problem> problems, boolean required) {
        html.append("<div class=\"field\"><label for=\"")
                .append(field)
                .append("\">")
                .append(esc(label))
                .append(required ? " *" : "")
                .append("</label>");
    }

    private void fieldEnd(String field, List<Problem> problems) {
        error(field, problems);
        html.append("</div>");
    }

    /** The field's first error, with the id its input's {@code aria-describedby} names. */
    private void error(String field, List<Problem> problems) {
        problems.stream()
                .filter(p -> field.equals(p.field()))
                .findFirst()
                .ifPresent(problem -> html.append("<p class=\"error\" id=\"")
                        .append(field)
                        .append("-error\">")
                        .append(esc(text(problem.key(), problem.arguments())))
                        .append("</p>"));
    }

    private void fieldsetStart(String field, String legend, List<Problem> problems, boolean required) {
        html.append("<fieldset class=\"choices\" id=\"")
                .append(field)
                .append('"')
                .append(described(field, problems))
                .append("><legend>")
                .append(esc(legend))
                .append(required ? " *" : "")
                .append("</legend>");
    }

    private void fieldsetEnd(String field, List<Problem> problems) {
        error(field, problems);
        html.append("</fieldset>");
    }

    private void radio(String name, String value, String label, Map<String, String> typed, List<Problem> problems) {
        String id = name + "-" + value;
        html.append("<label for=\"")
                .append(id)
                .append("\"><input type=\"radio\" id=\"")
                .append(id)
                .append("\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(esc(value))
                .append('"')
                .append(value.equals(typed.get(name)) ? " checked" : "")
                .append("> ")
                .append(esc(label))
                .append("</label>");
    }

    private void option(String value, String label, String chosen) {
        html.append("<option value=\"")
                .append(esc(value))
                .append('"')
                .append(value.equals(chosen == null ? "" : chosen) ? " selected" : "")
                .append('>')
                .append(esc(label))
                .append("</option>");
    }

    private void textInput(
            String field,
            String type,
            String label,
            int max,
            String autocomplete,
            Map<String, String> typed,
            List<Problem> problems) {
        fieldStart(field, label, problems, false);
        html.append("<input type=\"")
                .append(type)
                .append("\" id=\"")
                .append(field)
                .append("\" name=\"")
                .append(field)
                .append("\" maxlength=\"")
                .append(max)
                .append("\" autocomplete=\"")
                .append(autocomplete)
                .append("\" value=\"")
                .append(esc(typed.getOrDefault(field, "")))
                .append('"')
                .append(described(field, problems))
                .append('>');
        fieldEnd(field, problems);
    }

    private static String described(String field, List<Problem> problems) {
        return problemOn(field, problems) ? " aria-invalid=\"true\" aria-describedby=\"" + field + "-error\"" : "";
    }

    private static boolean problemOn(String field, List<Problem> problems) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    private String when(OffsetDateTime at, String zone) {
        return at == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(language.locale())
                        .format(at.atZoneSameInstant(ZoneId.of(zone)));
    }

    private String text(String key, Object... arguments) {
        return FeedbackServlet.text(language, key, arguments);
    }

    private static String esc(String value) {
        return Html.escape(value);
    }
}
