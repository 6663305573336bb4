package org.charter.web.sso;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The addresses the provider is told about. From {@code charter.public.base-url} when the operator set it (behind
 * a proxy that is the only true one); otherwise, on a machine without that setting, from the request. A forged
 * {@code Host} can do no harm here: the provider only sends people back to a redirect address registered with it.
 */
final class SsoAddresses {

    static final String START = "/sso/start";
    static final String CALLBACK = "/sso/callback";

    private SsoAddresses() {}

    static String base(HttpServletRequest request) {
        Optional<String> configured =
                ConfigProvider.getConfig().getOptionalValue("charter.public.base-url", String.class);
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get().strip().replaceAll("/+$", "");
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean usual = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (usual ? "" : ":" + port) + request.getContextPath();
    }

    static String callback(HttpServletRequest request) {
        return base(request) + CALLBACK;
    }
}
