package org.charter.web.feedback;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.feedback.Feedback;
import org.charter.model.feedback.FeedbackKind;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.charter.service.feedback.FeedbackIntake;
import org.charter.service.feedback.ReferenceTaken;
import org.charter.web.shell.ClientAddress;
import org.charter.web.shell.Texts;

/**
 * The customer's side of feedback, in plain HTML forms that need no script:
 *
 * <ul>
 *   <li>{@code GET /feedback/{franchise}/{store}}: the form; {@code POST} sends it, then redirects to the status
 *       page (a reload sends nothing twice);
 *   <li>{@code GET /feedback/{franchise}/case/{reference}?k=…}: the case's status page; {@code POST} there answers
 *       the store or rates its reply.
 * </ul>
 *
 * A refused form is shown again with what was typed and each error next to its field, in the customer's
 * language, and nothing is written. Limits: a body of at most {@link #MAX_BODY} bytes, a signed form that is at
 * least a few seconds old and at most a day, an empty honeypot field, and per-address and per-store rates.
 */
@WebServlet(urlPatterns = "/feedback/*")
public class FeedbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final int MAX_BODY = 32 * 1024;

    @Inject
    FeedbackIntake intake;

    @Inject
    FeedbackLimits limits;

    /** The parts of the address: franchise and store, or franchise, "case" and reference. */
    private record Path(String slug, String store, String reference) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Path> path = path(request);
        if (path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // a case is shown in the language it was written in unless the reader picks another
        List<Language> wanted = languages(request, path.get().reference() == null);
        if (path.get().reference() != null) {
            showCase(request, response, path.get(), wanted, null, HttpServletResponse.SC_OK);
            return;
        }
        Optional<FeedbackIntake.Form> form =
                intake.form(path.get().slug(), path.get().store(), wanted);
        if (form.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FeedbackPage page = new FeedbackPage(form.get().language(), request.getContextPath());
        send(response, HttpServletResponse.SC_OK, page.form(form.get(), Map.of(), token(path.get()), List.of()));
    }

    /** Sends the feedback; a reference drawn twice in the franchise (nothing was kept) is drawn again. */
    private FeedbackIntake.Sent send(String slug, String store, List<Language> wanted, Feedback.Told told) {
        for (int attempt = 1; ; attempt++) {
            try {
                return intake.send(slug, store, wanted, told);
            } catch (ReferenceTaken e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        if (request.getContentLengthLong() > MAX_BODY) {
            // read first (the container caps what it reads), so the client hears the answer, not a reset
            request.getParameterMap();
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Optional<Path> path = path(request);
        if (path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (path.get().reference() != null) {
            postOnCase(request, response, path.get());
            return;
        }
        // the charter's sections are read only when the form has to be shown again: a good post costs no more
        // than writing it
        List<Language> wanted = languages(request, false);
        Map<String, String> typed = typed(request);
        List<FeedbackPage.Problem> problems = new ArrayList<>();
        switch (limits.tokens().check(request.getParameter("t"), where(path.get()), System.currentTimeMillis())) {
            case TOO_FAST -> problems.add(new FeedbackPage.Problem(null, "feedback.error.tooFast"));
            case EXPIRED -> problems.add(new FeedbackPage.Problem(null, "feedback.error.expired"));
            case FORGED -> problems.add(new FeedbackPage.Problem(null, "feedback.error.form"));
            case FINE -> {}
        }
        String honeypot = request.getParameter("website");
        if (honeypot != null && !honeypot.isEmpty()) {
            problems.add(new FeedbackPage.Problem(null, "feedback.error.form"));
        }
        Feedback.Told told = problems.isEmpty() ? told(typed, problems) : null;
        if (!problems.isEmpty()) {
            showFormAgain(request, response, path.get(), wanted, typed, problems);
            return;
        }
        String store = path.get().store().toUpperCase(Locale.ROOT);
        OptionalLong wait = limits.refused(ClientAddress.of(request), path.get().slug(), store);
        if (wait.isPresent()) {
            Optional<FeedbackIntake.Form> form = intake.form(path.get().slug(), store, wanted);
            if (form.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            FeedbackPage page = new FeedbackPage(form.get().language(), request.getContextPath());
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            send(response, 429, page.tooMany(form.get(), wait.getAsLong()));
            return;
        }
        FeedbackIntake.Sent sent;
        try {
            sent = send(path.get().slug(), store, wanted, told);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (BusinessException e) {
            problems.add(new FeedbackPage.Problem(field(e), e.getMessageKey(), e.getArguments()));
            showFormAgain(request, response, path.get(), wanted, typed, problems);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(
                "Location",
                request.getContextPath() + "/feedback/" + path.get().slug() + "/case/" + sent.reference() + "?k="
                        + sent.secret() + "&sent=1&lang=" + sent.language().tag());
    }

    /** The form again, with what was typed and what is wrong (422), in the customer's language. */
    private void showFormAgain(
            HttpServletRequest request,
            HttpServletResponse response,
            Path path,
            List<Language> wanted,
            Map<String, String> typed,
            List<FeedbackPage.Problem> problems)
            throws IOException {
        Optional<FeedbackIntake.Form> form = intake.form(path.slug(), path.store(), wanted);
        if (form.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        FeedbackPage page = new FeedbackPage(form.get().language(), request.getContextPath());
        send(response, 422, page.form(form.get(), typed, token(path), problems));
    }

    private void postOnCase(HttpServletRequest request, HttpServletResponse response, Path path) throws IOException {
        String secret = request.getParameter("k");
        String action = request.getParameter("do");
        List<Language> wanted = languages(request, false);
        try {
            if ("rate".equals(action)) {
                int stars;
                try {
                    stars = Integer.parseInt(request.getParameter("stars"));
                } catch (NumberFormatException e) {
                    throw new BusinessException("error.feedback.rating");
                }
                intake.rate(path.slug(), path.reference(), secret, stars);
            } else if ("answer".equals(action)) {
                intake.answer(path.slug(), path.reference(), secret, request.getParameter("text"));
            } else {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        } catch (BusinessException e) {
            if ("error.notFound".equals(e.getMessageKey())) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            showCase(request, response, path, wanted, e, 422);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(
                "Location",
                request.getContextPath() + "/feedback/" + path.slug() + "/case/" + path.reference() + "?k="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&done=" + action
                        + (wanted.isEmpty() ? "" : "&lang=" + wanted.get(0).tag()));
    }

    private void showCase(
            HttpServletRequest request,
            HttpServletResponse response,
            Path path,
            List<Language> wanted,
            BusinessException problem,
            int status)
            throws IOException {
        Optional<FeedbackIntake.Status> found =
                intake.status(path.slug(), path.reference(), request.getParameter("k"), wanted);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        FeedbackPage page = new FeedbackPage(found.get().language(), request.getContextPath());
        send(
                response,
                status,
                page.status(
                        found.get(),
                        request.getParameter("k"),
                        request.getParameter("sent") != null,
                        request.getParameter("done"),
                        problem));
    }

    /** What the customer chose and wrote, checked for what the service cannot know (the choices' names). */
    private static Feedback.Told told(Map<String, String> typed, List<FeedbackPage.Problem> problems) {
        FeedbackKind kind = choice(FeedbackKind.class, typed.get("kind"));
        if (kind == null) {
            problems.add(new FeedbackPage.Problem("kind", "error.feedback.kind"));
        }
        ChannelKind channel = choice(ChannelKind.class, typed.get("channel"));
        if (channel == null || !FeedbackPage.CHANNELS.contains(channel)) {
            problems.add(new FeedbackPage.Problem("channel", "error.feedback.channel"));
        }
        Integer rating = null;
        String stars = typed.get("rating");
        if (stars != null && !stars.isEmpty()) {
            try {
                rating = Integer.parseInt(stars);
            } catch (NumberFormatException e) {
                problems.add(new FeedbackPage.Problem("rating", "error.feedback.rating"));
            }
        }
        // whether the section is one of the charter's public ones is the service's to say
        String section = typed.get("section");
        if (section != null && section.length() > 36) {
            problems.add(new FeedbackPage.Problem("section", "error.feedback.section"));
        }
        // the model checks lengths, encoding and markup; here, every text field first, so all errors show at once
        for (String field : List.of("message", "servedBy", "contactName", "contactEmail", "contactPhone")) {
            try {
                Feedback.text(
                        typed.get(field),
                        switch (field) {
                            case "message" -> Feedback.MESSAGE_LENGTH;
                            case "contactEmail" -> Feedback.EMAIL_LENGTH;
                            case "contactPhone" -> Feedback.PHONE_LENGTH;
                            default -> Feedback.NAME_LENGTH;
                        },
                        field,
                        field.equals("message"));
            } catch (BusinessException e) {
                problems.add(new FeedbackPage.Problem(field, e.getMessageKey(), e.getArguments()));
            }
        }
        boolean consent = "yes".equals(typed.get("consent"));
        boolean anyContact = List.of("contactName", "contactEmail", "contactPhone").stream()
                .anyMatch(field -> typed.get(field) != null && !typed.get(field).isBlank());
        if (anyContact && !consent) {
            problems.add(new FeedbackPage.Problem("consent", "error.feedback.consent"));
        }
        return new Feedback.Told(
                kind,
                channel,
                section == null || section.isEmpty() ? null : section,
                rating,
                typed.get("message"),
                typed.get("servedBy"),
                typed.get("contactName"),
                typed.get("contactEmail"),
                typed.get("contactPhone"),
                consent,
                "en");
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isEmpty() || value.length() > 20) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The field an error of the service belongs to, from its arguments (the model names it). */
    private static String field(BusinessException e) {
        Object[] arguments = e.getArguments();
        if (e.getMessageKey().equals("error.email")) {
            return "contactEmail";
        }
        if (e.getMessageKey().equals("error.phone")) {
            return "contactPhone";
        }
        if (e.getMessageKey().equals("error.feedback.consent")) {
            return "consent";
        }
        return arguments.length > 0 && arguments[0] instanceof String s && FeedbackPage.FIELDS.contains(s) ? s : null;
    }

    private static Map<String, String> typed(HttpServletRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : FeedbackPage.FIELDS) {
            String value = request.getParameter(field);
            if (value != null) {
                typed.put(field, value);
            }
        }
        return typed;
    }

    private String token(Path path) {
        return limits.tokens().issue(where(path), System.currentTimeMillis());
    }

    private static String where(Path path) {
        return path.slug() + '/' + path.store().toUpperCase(Locale.ROOT);
    }

    private static Optional<Path> path(HttpServletRequest request) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = info.replaceAll("^/+|/+$", "").split("/");
        if (parts.length == 2 && !parts[0].isEmpty() && parts[0].length() <= 40 && parts[1].length() <= 20) {
            return Optional.of(new Path(parts[0].toLowerCase(Locale.ROOT), parts[1], null));
        }
        if (parts.length == 3 && "case".equals(parts[1]) && parts[0].length() <= 40 && parts[2].length() <= 12) {
            return Optional.of(new Path(parts[0].toLowerCase(Locale.ROOT), null, parts[2]));
        }
        return Optional.empty();
    }

    /** {@code ?lang=} first; on a GET also the browser's languages. */
    private static List<Language> languages(HttpServletRequest request, boolean browser) {
        List<Language> wanted = new ArrayList<>();
        Language.fromTag(request.getParameter("lang")).ifPresent(wanted::add);
        if (browser && wanted.isEmpty() && request.getHeader("Accept-Language") != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                Language.fromTag(locale.toLanguageTag())
                        .filter(l -> !wanted.contains(l))
                        .ifPresent(wanted::add);
            }
        }
        return wanted;
    }

    private static void send(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
    }

    static String text(Language language, String key, Object... arguments) {
        return Texts.text(language.locale(), key, arguments);
    }
}
