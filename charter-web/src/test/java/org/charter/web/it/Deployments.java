package org.charter.web.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place that builds test deployments: the WAR exactly as the build made it, pointed at the test
 * database. Service tests add the caller stand-in and their probes; page tests deploy it as shipped.
 */
public final class Deployments {

    /** The context path of test deployments: the archive's name. */
    public static final String CONTEXT = "charter";

    /** 32 bytes in base64, for the test deployments only. */
    static final String SECRETS_KEY = "dGVzdC1rZXktZm9yLWNoYXJ0ZXItc2VhbGVkLXNlY3I=";

    private Deployments() {}

    /** The shipped WAR with the test database and the demo franchise (page tests sign in with it). */
    public static WebArchive asShipped() {
        return shipped("");
    }

    private static WebArchive shipped(String moreConfig) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, CONTEXT + ".war")
                .importFrom(new File(System.getProperty("charter.war")))
                .as(WebArchive.class);
        war.addAsResource(
                new StringAsset("config_ordinal=500\n"
                        + "charter.db.url=" + System.getProperty("charter.test.db.url") + "\n"
                        + "charter.demo.enabled=true\n"
                        // the page tests fetch many prints from one address; the limit itself is tested in CharterIT
                        + "charter.public.prints-per-minute=300\n"
                        // no background writes while a test compares the database before and after a page;
                        // the engine is driven with chosen times in ReminderIT
                        + "charter.reminders.enabled=false\n"
                        // webhooks of the tests go to receivers on this machine (the refusal is unit-tested)
                        + "charter.webhooks.allow-private=true\n"
                        // the key the tests' secrets are sealed with (a fixed one: the suite's database outlives a run)
                        + "charter.secrets.key=" + SECRETS_KEY + "\n"
                        // the OpenID provider of the single sign-on tests runs on this machine, without TLS
                        + "charter.sso.allow-http=true\n"
                        + moreConfig),
                "META-INF/microprofile-config.properties");
        return war;
    }

    /**
     * For the mail tests: the services as in {@link #forServices}, a real SMTP server inside the deployment
     * ({@link MailBox}) that the application sends to, and the schedule off, so that the tests drive the engine with
     * the times they choose.
     */
    public static WebArchive forMail(Class<?>... testSupport) {
        return withMail("", testSupport);
    }

    private static WebArchive withMail(String moreConfig, Class<?>... testSupport) {
        try {
            File greenMail = new File(com.icegreen.greenmail.util.GreenMail.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return withServices(shipped("charter.reminders.enabled=false\n"
                            + "charter.smtp.host=127.0.0.1\n"
                            + "charter.smtp.port=" + MailBox.PORT + "\n"
                            + "charter.smtp.from=charter@test.invalid\n"
                            + "charter.smtp.timeout-ms=3000\n"
                            + "charter.mail.batch=50\n"
                            + "charter.mail.max-attempts=3\n"
                            + "charter.mail.retry-base-seconds=60\n"
                            + "charter.mail.retry-cap-seconds=90\n"
                            + moreConfig))
                    .addAsLibraries(greenMail)
                    .addClasses(MailBox.class, MailFixtures.class)
                    .addClasses(testSupport);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * For the feedback tests: the mail deployment, a clock the tests set ({@link SetClock}), a minimum fill time of
     * one second, small rate limits, and the loopback address trusted as a proxy, so that each test names its own
     * client address in {@code X-Forwarded-For}.
     */
    public static WebArchive forFeedback(Class<?>... testSupport) {
        return withMail(
                        "charter.feedback.min-fill-seconds=1\n"
                                + "charter.feedback.per-address-per-hour=5\n"
                                + "charter.feedback.per-store-per-hour=12\n"
                                + "charter.http.trusted-proxies=127.0.0.1\n",
                        testSupport)
                .addClasses(SetClock.class, NextReferences.class, FeedbackFixtures.class);
    }

    /**
     * For the API tests: the services as in {@link #forServices}, with room for a sync of a thousand calls a
     * second per token (the limit itself is tested on its own).
     */
    public static WebArchive forApi(Class<?>... testSupport) {
        return withServices(shipped("charter.api.calls-per-second=5000\n")).addClasses(testSupport);
    }

    /** For the webhook tests: the services, and three attempts a minute apart before a delivery fails. */
    public static WebArchive forWebhooks(Class<?>... testSupport) {
        return withServices(shipped("charter.webhooks.max-attempts=3\n"
                        + "charter.webhooks.retry-base-seconds=60\n"
                        + "charter.webhooks.retry-cap-seconds=600\n"
                        + "charter.webhooks.timeout-ms=3000\n"))
                .addClasses(testSupport);
    }

    /** For tests that call services directly, in the container, as an account of their choosing. */
    public static WebArchive forServices(Class<?>... testSupport) {
        return withServices(asShipped()).addClasses(testSupport);
    }

    private static WebArchive withServices(WebArchive war) {
        return war.addClasses(
                TestCaller.class, Fixtures.class, World.class, TenancyProbe.class, Failures.class, Drafts.class);
    }
}
