package org.charter.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token that proves a post to one of the plain servlets (those outside Faces, which have no view state) came
 * from a page of this session: 192 random bits kept in the session and written into the page's form. A post
 * from another site cannot know it. The session holds it from the first page that asks for it until it ends.
 */
public final class FormGuard {

    static final String ATTRIBUTE = "charter.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormGuard() {}

    /** This session's token, made on first use. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object known = session.getAttribute(ATTRIBUTE);
        if (known instanceof String token) {
            return token;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** Whether {@code given} is this session's token; never true without a session. */
    public static boolean accepts(HttpServletRequest request, String given) {
        HttpSession session = request.getSession(false);
        if (session == null || given == null || !(session.getAttribute(ATTRIBUTE) instanceof String token)) {
            return false;
        }
        return MessageDigest.isEqual(
                token.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }
}
