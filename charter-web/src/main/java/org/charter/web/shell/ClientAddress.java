package org.charter.web.shell;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request came from, for rate limits and evidence. Behind a load balancer every request comes
 * from the balancer, so only when the direct peer is one of the configured trusted proxies
 * ({@code charter.http.trusted-proxies}, comma-separated addresses or host names, resolved at start) is the last entry of
 * {@code X-Forwarded-For} taken instead; a client cannot claim an address of its choosing otherwise.
 */
public final class ClientAddress {

    private static final Set<String> TRUSTED = Arrays.stream(ConfigProvider.getConfig()
                    .getOptionalValue("charter.http.trusted-proxies", String.class)
                    .orElse("")
                    .split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .flatMap(ClientAddress::addresses)
            .collect(Collectors.toUnmodifiableSet());

    private ClientAddress() {}

    /** A configured proxy as given and, when it is a host name (e.g. a container's), the addresses it has now. */
    private static java.util.stream.Stream<String> addresses(String proxy) {
        try {
            return java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(proxy),
                    Arrays.stream(java.net.InetAddress.getAllByName(proxy)).map(java.net.InetAddress::getHostAddress));
        } catch (java.net.UnknownHostException e) {
            return java.util.stream.Stream.of(proxy);
        }
    }

    public static String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !TRUSTED.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() || last.length() > 45 ? peer : last;
    }
}
