package org.charter.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.charter.web.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on through a real OpenID provider that this test runs on loopback: HQ connects it on its page, an
 * employee signs in through it (authorization code with PKCE, the ID token checked against the provider's keys),
 * a subject the franchise does not know is refused, and the client secret is kept sealed in the database. The
 * shipped WAR with the demo franchise, driven by headless Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleSignOnIT {

    private static final String DEMO_PASSWORD = "charter-demo";
    private static final String ISSUER_ID = "franchise-idp";
    private static final String CLIENT_ID = "charter-demo-client";
    private static final String CLIENT_SECRET = "a-client-secret-nobody-else-knows";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.asShipped();
    }

    @ArquillianResource
    URL deployed;

    private MockOAuth2Server provider;
    private Browser browser;

    @BeforeEach
    void startProviderAndBrowser() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), 0);
        browser = new Browser(new URL("http", "127.0.0.1", deployed.getPort(), "/" + Deployments.CONTEXT + "/"));
    }

    @AfterEach
    void stop() {
        try {
            browser.close();
        } finally {
            provider.shutdown();
        }
        assertEquals(
                List.of(),
                browser.accessibility.failures(),
                "axe-core found serious or critical violations (WCAG 2.2 AA) on the pages this test showed");
    }

    @Test
    void headquartersConnectsTheProviderAndAnEmployeeSignsInThroughIt() throws Exception {
        String issuer = provider.issuerUrl(ISSUER_ID).toString();

        // HQ: a mistyped issuer is refused with the reason, then the right one is saved
        browser.signIn("hq", DEMO_PASSWORD);
        browser.click("nav-sso");
        browser.waitForText(text("sso.intro"));
        browser.screenshot("sso-hq");
        // nothing listens on port 9 here: the provider cannot be reached
        connect("http://127.0.0.1:9/" + ISSUER_ID);
        browser.waitForText(text("error.sso.discovery").replace("''", "'").substring(0, 40));
        browser.screenshot("sso-wrong-issuer-hq");
        connect(issuer);
        browser.waitForText(text("sso.saved"));
        browser.waitForText(text("sso.stateOn"));
        assertTrue(browser.find("sso:callback").getAttribute("value").endsWith("/sso/callback"));
        browser.screenshot("sso-saved-hq");
        browser.signOut();

        // the secret is in the database only sealed
        String kept = keptSecret();
        assertTrue(kept.startsWith("sealed1:"), kept);
        assertFalse(kept.contains(CLIENT_SECRET), kept);

        // an employee signs in at the provider, which vouches for the username "employee"
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                "subject-employee",
                "JWT",
                List.of(CLIENT_ID),
                Map.of("preferred_username", "employee"),
                3600));
        signInThroughProvider("demo");
        String landed = browser.driver().getCurrentUrl();
        assertTrue(landed.contains("/app/index.xhtml"), landed + "\n" + browser.bodyText());
        browser.find("session:signOut");
        assertTrue(
                browser.find("session").getText().contains("employee"),
                browser.find("session").getText());
        browser.screenshot("sso-signed-in-employee");

        // the code went to the token endpoint with the PKCE verifier and the client's own secret
        RecordedRequest discovery = provider.takeRequest();
        assertTrue(discovery.getPath().endsWith("/.well-known/openid-configuration"), discovery.getPath());
        RecordedRequest token = tokenRequest();
        String body = token.getBody().readUtf8();
        assertTrue(body.contains("code_verifier="), body);
        assertTrue(body.contains("grant_type=authorization_code"), body);
        String authorization = token.getHeader("Authorization");
        assertEquals(
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                authorization);
        browser.signOut();

        // the provider vouches for someone the franchise does not know: refused, nobody signed in
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                "subject-stranger",
                "JWT",
                List.of(CLIENT_ID),
                Map.of("preferred_username", "somebody-else"),
                3600));
        signInThroughProvider("demo");
        assertEquals(text("login.sso.refused"), browser.find("ssoProblem").getText());
        assertTrue(browser.driver()
                .findElements(org.openqa.selenium.By.id("session:signOut"))
                .isEmpty());
        browser.screenshot("sso-refused");

        // a franchise code without single sign-on
        signInThroughProvider("no-such-franchise");
        assertEquals(text("login.sso.notOffered"), browser.find("ssoProblem").getText());

        // a callback this session never began is refused before anyone is asked
        browser.open("/sso/callback?state=made-up&code=made-up");
        assertEquals(text("login.sso.expired"), browser.find("ssoProblem").getText());
    }

    private void connect(String issuer) {
        browser.type("sso:issuer", issuer);
        browser.type("sso:clientId", CLIENT_ID);
        browser.type("sso:clientSecret", CLIENT_SECRET);
        browser.type("sso:claim", "preferred_username");
        browser.choose("sso:matchBy", text("sso.match.USERNAME"));
        browser.click("sso:save");
    }

    /** Starts a sign-in with the franchise code and waits until the browser is back from the provider. */
    private void signInThroughProvider(String franchise) {
        browser.open("/login.xhtml");
        browser.type("ssoFranchise", franchise);
        browser.click("ssoStart");
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                    .until(d -> {
                        String url = d.getCurrentUrl();
                        return url.contains("/app/") || url.contains("sso=");
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "Not back from the provider: " + browser.driver().getCurrentUrl() + "\n" + browser.bodyText(), e);
        }
    }

    /** The next request the provider got at its token endpoint (discovery and key reads may come between). */
    private RecordedRequest tokenRequest() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            RecordedRequest request = provider.takeRequest();
            if (request.getPath().contains("/token")) {
                return request;
            }
        }
        throw new AssertionError("The provider got no token request");
    }

    private static String keptSecret() throws Exception {
        Properties superuser = new Properties();
        superuser.setProperty("user", System.getProperty("charter.test.db.admin.user", "postgres"));
        try (Connection connection =
                        new org.postgresql.Driver().connect(System.getProperty("charter.test.db.url"), superuser);
                PreparedStatement read = connection.prepareStatement("select c.client_secret from sso_connection c"
                        + " join franchise f on f.id = c.franchise_id where f.slug = 'demo'");
                ResultSet row = read.executeQuery()) {
            assertTrue(row.next(), "no connection kept for the demo franchise");
            return row.getString(1);
        }
    }

    private static String text(String key) {
        return ResourceBundle.getBundle("org.charter.web.i18n.messages", Locale.ENGLISH)
                .getString(key);
    }
}
