package org.charter.service.notice;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.charter.service.sessions.SessionCalendar;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mail through the SMTP server that MicroProfile Config names ({@code charter.smtp.*}, e.g. {@code
 * CHARTER_SMTP_HOST}); no host, no mail: mails then wait, queued, until one is set. Each mail carries the Message-ID
 * of its notice ({@code <notice id>@<public host>}), so a mail sent again after a lost answer is recognisably the
 * same mail.
 */
@ApplicationScoped
public class Mailer {

    /** One mail, as claimed by a dispatcher. */
    public record Outgoing(
            String noticeId, String address, String locale, NoticeKind kind, String params, String link) {}

    /** An open connection to the SMTP server, for a batch of mails. */
    public final class Outbox implements AutoCloseable {

        private final Transport transport;

        Outbox(Transport transport) {
            this.transport = transport;
        }

        /** Sends one mail; returns the server's answer. Reconnects first when the server closed the connection. */
        public String send(Outgoing mail) throws MessagingException {
            MimeMessage message = compose(mail);
            if (!transport.isConnected()) {
                connect(transport);
            }
            transport.sendMessage(message, message.getAllRecipients());
            return lastAnswer(transport).orElse("accepted");
        }

        @Override
        public void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the mails were handed over already; a failed QUIT changes nothing
            }
        }
    }

    /** Whether an SMTP server is configured at all. */
    public boolean configured() {
        return config().getOptionalValue("charter.smtp.host", String.class)
                .filter(h -> !h.isBlank())
                .isPresent();
    }

    /** The right-hand side of Message-IDs: the host customers and staff reach the product at. */
    public String messageDomain() {
        String host = URI.create(baseUrl()).getHost();
        return host == null || host.isBlank() ? "charter.invalid" : host;
    }

    /** Connects to the server; the caller closes the outbox. */
    public Outbox open() throws MessagingException {
        Transport transport = session().getTransport("smtp");
        connect(transport);
        return new Outbox(transport);
    }

    /** The mail as it goes out: text and HTML in the reader's language, the calendar file for a session. */
    public MimeMessage compose(Outgoing mail) throws MessagingException {
        Locale locale = Locale.forLanguageTag(mail.locale());
        Map<String, String> values = NoticeText.params(mail.params());
        String title = NoticeText.title(mail.kind(), mail.params(), locale);
        String body = NoticeText.body(mail.kind(), mail.params(), locale);
        String link = mail.link() == null ? null : baseUrl() + mail.link();

        MimeMessage message = new StableIdMessage(session(), mail.noticeId() + "@" + messageDomain());
        message.setFrom(new InternetAddress(from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.address(), true));
        message.setSubject(title, "UTF-8");
        message.setSentDate(Date.from(Instant.now()));
        message.setHeader("Content-Language", locale.toLanguageTag());
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain(locale, mail.kind(), body, link), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(html(locale, mail.kind(), title, body, link), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);

        if (mail.kind() == NoticeKind.SESSION_TOMORROW && values.containsKey("session")) {
            MimeBodyPart both = new MimeBodyPart();
            both.setContent(alternative);
            MimeBodyPart calendar = new MimeBodyPart();
            String ics = SessionCalendar.ics(new SessionCalendar.Event(
                    values.get("session"),
                    title,
                    null,
                    values.get("place"),
                    values.get("trainer"),
                    NoticeText.start(values),
                    Integer.parseInt(values.getOrDefault("duration", "60")),
                    Instant.now(),
                    false,
                    Integer.parseInt(values.getOrDefault("sequence", "0"))));
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    ics.getBytes(StandardCharsets.UTF_8), "text/calendar; charset=UTF-8; method=PUBLISH")));
            calendar.setFileName("session.ics");
            message.setContent(new MimeMultipart("mixed", both, calendar));
        } else {
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    private static String plain(Locale locale, NoticeKind kind, String body, String link) {
        StringBuilder text = new StringBuilder()
                .append(NoticeText.text(locale, "mail.greeting"))
                .append("\n\n")
                .append(body)
                .append("\n");
        if (link != null) {
            text.append("\n")
                    .append(NoticeText.action(kind, locale))
                    .append(": ")
                    .append(link)
                    .append("\n");
        }
        return text.append("\n-- \n")
                .append(NoticeText.text(locale, kind.toCustomer() ? "mail.footer.customer" : "mail.footer"))
                .append("\n")
                .toString();
    }

    private static String html(Locale locale, NoticeKind kind, String title, String body, String link) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(escape(locale.toLanguageTag()))
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append("</title></head><body style=\"font-family:sans-serif;color:#1a1a1a\"><p>")
                .append(escape(NoticeText.text(locale, "mail.greeting")))
                .append("</p><p>")
                .append(escape(body).replace("\n", "<br>"))
                .append("</p>");
        if (link != null) {
            html.append("<p><a href=\"")
                    .append(escape(link))
                    .append("\" style=\"color:#0b4f8a\">")
                    .append(escape(NoticeText.action(kind, locale)))
                    .append("</a></p>");
        }
        return html.append("<hr><p style=\"font-size:small;color:#4a4a4a\">")
                .append(escape(NoticeText.text(locale, kind.toCustomer() ? "mail.footer.customer" : "mail.footer")))
                .append("</p></body></html>")
                .toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private void connect(Transport transport) throws MessagingException {
        Config config = config();
        Optional<String> user =
                config.getOptionalValue("charter.smtp.user", String.class).filter(u -> !u.isBlank());
        if (user.isPresent()) {
            transport.connect(
                    user.get(),
                    config.getOptionalValue("charter.smtp.password", String.class)
                            .orElse(""));
        } else {
            transport.connect();
        }
    }

    /** Made once: a mail session reads its providers from the class path when it is made. */
    private volatile Session session;

    private Session session() {
        Session made = session;
        if (made == null) {
            made = newSession();
            session = made;
        }
        return made;
    }

    private Session newSession() {
        Config config = config();
        Properties properties = new Properties();
        String host = config.getOptionalValue("charter.smtp.host", String.class).orElse("");
        String timeout = String.valueOf(config.getOptionalValue("charter.smtp.timeout-ms", Integer.class)
                .orElse(10_000));
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put(
                "mail.smtp.port",
                String.valueOf(config.getOptionalValue("charter.smtp.port", Integer.class)
                        .orElse(25)));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        boolean startTls =
                config.getOptionalValue("charter.smtp.starttls", Boolean.class).orElse(false);
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
        properties.put(
                "mail.smtp.auth",
                String.valueOf(config.getOptionalValue("charter.smtp.user", String.class)
                        .filter(u -> !u.isBlank())
                        .isPresent()));
        properties.put("mail.from", from());
        return Session.getInstance(properties);
    }

    private String from() {
        return config().getOptionalValue("charter.smtp.from", String.class).orElse("charter@localhost");
    }

    private static String baseUrl() {
        return config().getOptionalValue("charter.public.base-url", String.class)
                .orElse("http://localhost:8080")
                .replaceAll("/+$", "");
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    /** The SMTP server's last reply line; the transport class has it, the API does not name it. */
    private static Optional<String> lastAnswer(Transport transport) {
        try {
            Object answer =
                    transport.getClass().getMethod("getLastServerResponse").invoke(transport);
            return Optional.ofNullable(answer).map(Object::toString).map(String::strip);
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    /** Jakarta Mail makes a new Message-ID on every save; ours stays the notice's own. */
    static final class StableIdMessage extends MimeMessage {

        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
        }
    }
}
