package org.charter.web.pages;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Every GET one caller can reach: each Faces page the WAR ships, the given further paths (servlets, the public
 * side, health), and every same-origin link, image, script and stylesheet those answers point to, followed until
 * none is new. Only GET requests are sent; redirects are not followed automatically but walked as links. After each
 * page (not after each static resource), the database's fingerprint is compared with the one before it, so a
 * write is reported with the address that made it (unless the walk is only finding pages: no fingerprint).
 */
final class GetWalk {

    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"([^\"#]*)");
    private static final int MAX_REQUESTS = 600;

    private final java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI server;
    private final String context;
    private final DatabaseFingerprint fingerprint;

    final List<String> writes = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final Set<String> visited = new LinkedHashSet<>();

    /** Status of each address answered, relative to the server. */
    final Map<String, Integer> answered = new java.util.LinkedHashMap<>();

    /** The addresses answered 200 with an HTML page, relative to the server, in the order found. */
    final Set<String> pages = new LinkedHashSet<>();

    /** Where each redirect pointed. */
    final Map<String, String> redirects = new java.util.LinkedHashMap<>();

    /**
     * @param base the application's address, ending in its context path and "/"
     * @param session the caller's cookies as the browser holds them after signing in (the session's id and the
     *     server's session version), none for someone not signed in; cookies the answers set are kept and sent
     *     again, as a browser would
     */
    GetWalk(URI base, Collection<org.openqa.selenium.Cookie> session, DatabaseFingerprint fingerprint) {
        this.server = base.resolve("/");
        this.context = base.getPath();
        this.fingerprint = fingerprint;
        for (org.openqa.selenium.Cookie held : session) {
            java.net.HttpCookie cookie = new java.net.HttpCookie(held.getName(), held.getValue());
            cookie.setPath(held.getPath());
            cookie.setVersion(0);
            cookies.getCookieStore().add(base, cookie);
        }
    }

    /** Every page under the WAR's root but its WEB-INF, as an address relative to the context. */
    static List<String> shippedPages() {
        try (ZipFile war = new ZipFile(new File(System.getProperty("charter.war")))) {
            return war.stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.endsWith(".xhtml") && !name.startsWith("WEB-INF/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks from the given addresses: relative ones are under the context, absolute paths under the server. */
    GetWalk from(Collection<String> starts) {
        Deque<URI> queue = new ArrayDeque<>();
        for (String start : starts) {
            queue.add(start.startsWith("/") ? server.resolve(start) : server.resolve(context + start));
        }
        Map<String, String> before = fingerprint == null ? null : fingerprint.take();
        while (!queue.isEmpty() && visited.size() < MAX_REQUESTS) {
            URI next = queue.poll();
            if (!visited.add(next.toString())) {
                continue;
            }
            HttpResponse<String> response = get(next);
            int status = response.statusCode();
            answered.put(server.relativize(next).toString(), status);
            if (status >= 500) {
                failures.add(status + " " + next);
            }
            response.headers().firstValue("Location").map(next::resolve).ifPresent(to -> {
                redirects.put(
                        server.relativize(next).toString(),
                        server.relativize(to).toString());
                queue.add(to);
            });
            boolean resource = next.getPath().contains("/jakarta.faces.resource/")
                    || next.getPath().matches(".*\\.(css|js|png|svg|woff2?|ico)$");
            if (resource) {
                continue;
            }
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                if (status == 200) {
                    pages.add(server.relativize(next).toString());
                }
                Matcher links = LINK.matcher(response.body());
                while (links.find()) {
                    String href = links.group(1).replace("&amp;", "&");
                    if (href.isBlank() || href.contains(":") && !href.startsWith("http")) {
                        continue; // javascript:, mailto:, tel:
                    }
                    URI link = next.resolve(href);
                    if (server.getAuthority().equals(link.getAuthority())) {
                        queue.add(link);
                    }
                }
            }
            if (fingerprint != null) {
                Map<String, String> after = fingerprint.take();
                List<String> changed = DatabaseFingerprint.changed(before, after);
                if (!changed.isEmpty()) {
                    writes.add("GET " + server.relativize(next) + " changed " + changed);
                }
                before = after;
            }
        }
        if (!queue.isEmpty()) {
            failures.add("more than " + MAX_REQUESTS + " addresses: the walk stopped early");
        }
        return this;
    }

    private HttpResponse<String> get(URI uri) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
