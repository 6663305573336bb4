package org.charter.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries (ASVS V3.4). PrimeFaces writes inline scripts and styles, hence
 * 'unsafe-inline' here; on Faces pages PrimeFaces' CSP mode adds a second policy that lets only this response's
 * nonce run scripts (docs/security.md); nothing is evaluated from strings ('unsafe-eval' is
 * not allowed), everything else is limited to this origin, and no page may be framed. When the public address
 * is https ({@code charter.public.base-url}), browsers are told to use nothing else (HSTS). Set both by the sign-in
 * mechanism, which sees every request first (including the redirects to the sign-in page that never reach a
 * filter), and by {@link SecurityHeadersFilter}.
 */
final class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** Whether the product is served over https, from its configured public address. */
    static final boolean HTTPS = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("charter.public.base-url", String.class)
            .orElse("")
            .toLowerCase(java.util.Locale.ROOT)
            .startsWith("https://");

    private SecurityHeaders() {}

    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (HTTPS) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
            // pages may show personal data: never keep them in shared caches or the back/forward cache
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
