package org.charter.web.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped WAR on Payara Micro, connected to PostgreSQL through a relay this test cuts for ten seconds in
 * the middle of requests: while it is cut every page answers 503 with Retry-After and a page in the visitor's
 * language (never 500), the API a 503 problem in the caller's language, and readiness is DOWN; after it is
 * restored every page and the API work again within ten seconds, without a restart.
 */
class DatabaseOutageIT {

    private static final Duration CUT = Duration.ofSeconds(10);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private static CuttableProxy proxy;
    private static Process server;
    private static String base;
    private static String apiToken;
    private static final HttpClient SIGNED_IN = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final HttpClient ANONYMOUS =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startBehindTheRelay() throws Exception {
        proxy = new CuttableProxy(5432);
        String database = URI.create(System.getProperty("charter.test.db.url").substring("jdbc:".length()))
                .getPath();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        Path root = Path.of("target", "outage-micro").toAbsolutePath();
        deleteTree(root);
        Files.createDirectories(root);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m",
                        "-Dhazelcast.socket.bind.any=false",
                        "-jar",
                        System.getProperty("payara.microJar"),
                        "--deploy",
                        System.getProperty("charter.war"),
                        "--contextroot",
                        "/",
                        "--port",
                        String.valueOf(port),
                        "--clustermode",
                        "tcpip:127.0.0.1:6900",
                        "--interfaces",
                        "127.0.0.1",
                        "--prebootcommandfile",
                        System.getProperty("charter.micro.preboot"),
                        "--postbootcommandfile",
                        System.getProperty("charter.micro.postboot"),
                        "--rootdir",
                        root.toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolveSibling("outage-micro.log").toFile());
        builder.environment().put("CHARTER_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + database);
        builder.environment().put("CHARTER_DEMO_ENABLED", "true");
        builder.environment().put("LANG", "C.UTF-8");
        server = builder.start();
        waitFor(Duration.ofMinutes(4), () -> status(ANONYMOUS, "/health/ready", "en") == 200);
        signInAsEmployee();
        apiToken = readTokenOfTheDemoFranchise();
    }

    /**
     * A read token of the demo franchise, written straight into the registry as HQ's page would keep it (only its
     * SHA-256): the server runs in a process of its own, so the test cannot call the service that makes one.
     */
    private static String readTokenOfTheDemoFranchise() throws Exception {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String token =
                "chr_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.US_ASCII)));
        java.util.Properties superuser = new java.util.Properties();
        superuser.setProperty("user", System.getProperty("charter.test.db.admin.user", "postgres"));
        try (java.sql.Connection connection =
                        new org.postgresql.Driver().connect(System.getProperty("charter.test.db.url"), superuser);
                java.sql.PreparedStatement insert = connection.prepareStatement("insert into api_token"
                        + " (id, franchise_id, name, scopes, token_hash, prefix, created_by, expires_at)"
                        + " select gen_random_uuid(), f.id, 'Outage test', 'READ', ?, ?, 'outage-test',"
                        + " now() + interval '1 day' from franchise f where f.slug = 'demo'")) {
            insert.setString(1, hash);
            insert.setString(2, token.substring(0, 12));
            assertEquals(1, insert.executeUpdate(), "the demo franchise is there");
        }
        return token;
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void pagesAnswer503DuringACutAndWorkAgainSoonAfterIt() throws Exception {
        assertEquals(200, status(SIGNED_IN, "/app/index.xhtml", "en"), "signed in before the cut");

        Map<Integer, Integer> seen = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            List<String> pages = List.of("/app/index.xhtml", "/app/me.xhtml", "/c/demo/RIX-01", "/health/ready");
            for (int i = 0; loading.get() && i < 100_000; i++) {
                try {
                    seen.merge(status(SIGNED_IN, pages.get(i % pages.size()), "lv"), 1, Integer::sum);
                } catch (Exception e) {
                    seen.merge(-1, 1, Integer::sum);
                }
            }
        });
        load.start();
        Thread.sleep(1_000);

        proxy.cut();
        long cutAt = System.nanoTime();
        Thread.sleep(2_000);
        HttpResponse<String> during = get(SIGNED_IN, "/app/index.xhtml", "de");
        assertEquals(503, during.statusCode(), during.body());
        assertEquals("10", during.headers().firstValue("Retry-After").orElse(""));
        assertTrue(
                during.body().contains("Vorübergehend nicht verfügbar"), "in the visitor's language: " + during.body());
        HttpResponse<String> readiness = get(ANONYMOUS, "/health/ready", "en");
        assertEquals(503, readiness.statusCode(), "readiness says DOWN: " + readiness.body());
        assertTrue(readiness.body().contains("DOWN"), readiness.body());
        HttpResponse<String> api = ANONYMOUS.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/stores"))
                        .header("Authorization", "Bearer " + apiToken)
                        .header("Accept-Language", "de")
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, api.statusCode(), "the API says the same: " + api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(
                api.headers().firstValue("Retry-After").isPresent(),
                api.headers().map().toString());
        assertEquals("de", api.headers().firstValue("Content-Language").orElse(""));
        HttpResponse<String> greek = get(SIGNED_IN, "/app/me.xhtml", "el");
        assertEquals(503, greek.statusCode());
        assertTrue(greek.body().contains("Προσωρινά μη διαθέσιμο"), greek.body());
        Thread.sleep(Math.max(0, CUT.toMillis() - (System.nanoTime() - cutAt) / 1_000_000));

        proxy.restore();
        long restoredAt = System.nanoTime();
        List<String> pages = List.of("/health/ready", "/app/index.xhtml", "/app/me.xhtml", "/c/demo", "/c/demo/RIX-01");
        waitFor(RECOVERY_LIMIT.plusSeconds(20), () -> {
            for (String page : pages) {
                if (status(page.startsWith("/app") ? SIGNED_IN : ANONYMOUS, page, "en") != 200) {
                    return false;
                }
            }
            return ANONYMOUS
                            .send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/v1/stores"))
                                            .header("Authorization", "Bearer " + apiToken)
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        });
        Duration recovered = Duration.ofNanos(System.nanoTime() - restoredAt);
        loading.set(false);
        load.join(30_000);
        System.out.printf(
                "Database cut for %d s: every page answered again %d ms after the restore; statuses seen %s%n",
                CUT.toSeconds(), recovered.toMillis(), new TreeMap<>(seen));

        assertTrue(recovered.compareTo(RECOVERY_LIMIT) <= 0, "every page works again within 10 s: " + recovered);
        assertTrue(seen.getOrDefault(503, 0) > 0, "the load saw the outage: " + seen);
        assertTrue(java.util.Set.of(200, 503).containsAll(seen.keySet()), "only 200 and 503, never 500: " + seen);
    }

    @Test
    void aResetOfPasswordPinOrAccessEndsTheOtherSessionsAtOnce() throws Exception {
        HttpClient phone =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpClient desk =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(phone, "manager.ber");
        signIn(desk, "manager.ber");
        assertEquals(200, status(phone, "/app/index.xhtml", "en"));
        assertEquals(200, status(desk, "/app/index.xhtml", "en"));
        // what every reset does to the account (AccountTest shows which changes count), seen from outside
        try (var db = java.sql.DriverManager.getConnection(System.getProperty("charter.test.db.url"), "postgres", "");
                var bump = db.prepareStatement(
                        "update account set credential_generation = credential_generation + 1 where username = ?")) {
            bump.setString(1, "manager.ber");
            assertEquals(1, bump.executeUpdate());
        }
        for (HttpClient client : List.of(phone, desk)) {
            HttpResponse<String> after = get(client, "/app/index.xhtml", "en");
            assertEquals(302, after.statusCode(), "the session ended");
            assertTrue(after.headers().firstValue("Location").orElse("").contains("/login.xhtml"));
            assertEquals(302, status(client, "/app/index.xhtml", "en"), "and stays ended");
        }
        signIn(phone, "manager.ber");
        assertEquals(200, status(phone, "/app/index.xhtml", "en"), "signing in again works");
    }

    private static void signInAsEmployee() throws Exception {
        signIn(SIGNED_IN, "employee");
    }

    private static void signIn(HttpClient client, String username) throws Exception {
        HttpResponse<String> form = get(client, "/login.xhtml", "en");
        Matcher state = VIEW_STATE.matcher(form.body());
        assertTrue(state.find(), "the sign-in form has a view state");
        String body = form(Map.of(
                "login", "login",
                "login:username", username,
                "login:password", "charter-demo",
                "login:signIn", "",
                "jakarta.faces.ViewState", state.group(1)));
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), "signed in: " + signedIn.body());
    }

    private static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static int status(HttpClient client, String path, String language)
            throws IOException, InterruptedException {
        return get(client, path, language).statusCode();
    }

    private static HttpResponse<String> get(HttpClient client, String path, String language)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept-Language", language)
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped; see target/outage-micro.log");
            }
            try {
                if (check.ok()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not reached within " + limit + "; see target/outage-micro.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
