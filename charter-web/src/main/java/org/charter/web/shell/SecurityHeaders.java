package org.charter.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries (ASVS V3.4). PrimeFaces writes inline scripts and styles, hence
 * 'unsafe-inline'; everything else is limited to this origin, and no page may be framed. Set both by the sign-in
 * mechanism, which sees every request first (including the redirects to the sign-in page that never reach a
 * filter), and by {@link SecurityHeadersFilter}.
 */
final class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
            // pages may show personal data: never keep them in shared caches or the back/forward cache
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
