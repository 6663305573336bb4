package org.charter.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.charter.model.common.BusinessException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a webhook may point: an https address of the internet. Not the server itself, nor the networks behind
 * it (loopback, private, link-local): an endpoint must not be a way to reach the database or the data grid. A
 * development or test installation allows http and private addresses with {@code charter.webhooks.allow-private}.
 */
@ApplicationScoped
public class WebhookAddresses {

    public void requireAllowed(URI uri) {
        requireAllowed(
                uri,
                ConfigProvider.getConfig()
                        .getOptionalValue("charter.webhooks.allow-private", Boolean.class)
                        .orElse(false));
    }

    static void requireAllowed(URI uri, boolean privateAllowed) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new BusinessException("webhook.url", uri.toString());
        }
        if (privateAllowed) {
            return;
        }
        if (!scheme.equals("https")) {
            throw new BusinessException("webhook.https");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress()
                        || address.isSiteLocalAddress()
                        || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()
                        || address.isMulticastAddress()) {
                    throw new BusinessException("webhook.private", uri.getHost());
                }
            }
        } catch (UnknownHostException e) {
            throw new BusinessException("webhook.unknownHost", uri.getHost());
        }
    }
}
