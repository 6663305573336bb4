package org.charter.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
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
import org.charter.service.database.DatabaseProvisioning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on a full-profile server: Payara Server 6, unpacked by the build, every listener moved to loopback
 * and to ports of its own, its own database. Checks that the deployment is ready (the database answers) and
 * serves the sign-in page.
 */
class EarDeploymentIT {

    private static final int HTTP = 28080;
    private static final int ADMIN = 24848;
    private static final String DATABASE_URL = "jdbc:postgresql://127.0.0.1:5432/charter_ear";

    private static Path home;
    private static final HttpClient HTTP_CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServerAndDeploy() throws Exception {
        home = Path.of(System.getProperty("payara.home"));
        keepToLoopback(home.resolve("glassfish/domains/domain1/config/domain.xml"));
        System.setProperty("charter.db.url", DATABASE_URL);
        DatabaseProvisioning.main(new String[0]);
        asadmin(List.of("start-domain", "domain1"), Duration.ofMinutes(4));
        // the connection pool, as Payara Micro makes it at boot
        asadmin(
                List.of(
                        "--port",
                        String.valueOf(ADMIN),
                        "multimode",
                        "--file",
                        Path.of("..", "micro", "pool.asadmin").toAbsolutePath().toString()),
                Duration.ofMinutes(2));
        asadmin(
                List.of(
                        "--port",
                        String.valueOf(ADMIN),
                        "deploy",
                        "--force=true",
                        "--name",
                        "charter",
                        System.getProperty("charter.ear")),
                Duration.ofMinutes(6));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (home != null) {
            asadmin(List.of("stop-domain", "domain1"), Duration.ofMinutes(2));
        }
    }

    @Test
    void theEarIsReadyWithItsDatabaseAndServesTheSignInPage() throws Exception {
        HttpResponse<String> ready = waitForReadiness();
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());

        HttpResponse<String> login = get("/login.xhtml");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("login:username"), "the sign-in form is rendered");
        assertTrue(login.headers().firstValue("Content-Security-Policy").isPresent());
    }

    private static HttpResponse<String> waitForReadiness() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get("/health/ready");
                if (last.statusCode() == 200 && last.body().contains("UP")) {
                    return last;
                }
            } catch (IOException notYet) {
                // the listener is not up yet
            }
            Thread.sleep(1000);
        }
        return last;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP_CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every listener of the server's own configuration on 127.0.0.1, on ports no other test uses. */
    private static void keepToLoopback(Path domainXml) throws IOException {
        Path original = domainXml.resolveSibling("domain.xml.original");
        if (!Files.exists(original)) {
            Files.copy(domainXml, original);
        }
        String xml = Files.readString(original, StandardCharsets.UTF_8);
        xml = xml.replace(
                        "<network-listener port=\"8080\"",
                        "<network-listener address=\"127.0.0.1\" port=\"" + HTTP + "\"")
                .replace("<network-listener port=\"8181\"", "<network-listener address=\"127.0.0.1\" port=\"28181\"")
                .replace(
                        "<network-listener port=\"4848\"",
                        "<network-listener address=\"127.0.0.1\" port=\"" + ADMIN + "\"")
                .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replace(
                        "<hazelcast-runtime-configuration ",
                        "<hazelcast-runtime-configuration interface=\"127.0.0.1\" ")
                .replaceFirst(
                        "<jvm-options>", "<jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>\n<jvm-options>");
        Files.writeString(domainXml, xml, StandardCharsets.UTF_8);
    }

    private static void asadmin(List<String> arguments, Duration limit) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // the server inherits these: MicroProfile Config reads them as the application's settings
        environment.put("CHARTER_DB_URL", DATABASE_URL);
        environment.put("CHARTER_DB_USER", "charter_app");
        environment.put("CHARTER_DB_PASSWORD", "charter_app");
        environment.put("CHARTER_DEMO_ENABLED", "true");
        environment.put("AS_ADMIN_PORT", String.valueOf(ADMIN));
        environment.put("LANG", "C.UTF-8");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments + " took longer than " + limit);
        }
        System.out.println("asadmin " + arguments + ":\n" + output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + arguments + " failed:\n" + output);
        }
    }
}
