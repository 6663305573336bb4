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

    private Deployments() {}

    /** The shipped WAR with the test database and the demo franchise (page tests sign in with it). */
    public static WebArchive asShipped() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, CONTEXT + ".war")
                .importFrom(new File(System.getProperty("charter.war")))
                .as(WebArchive.class);
        war.addAsResource(
                new StringAsset("config_ordinal=500\n"
                        + "charter.db.url=" + System.getProperty("charter.test.db.url") + "\n"
                        + "charter.demo.enabled=true\n"
                        // the page tests fetch many prints from one address; the limit itself is tested in CharterIT
                        + "charter.public.prints-per-minute=300\n"),
                "META-INF/microprofile-config.properties");
        return war;
    }

    /** For tests that call services directly, in the container, as an account of their choosing. */
    public static WebArchive forServices(Class<?>... testSupport) {
        return asShipped()
                .addClasses(
                        TestCaller.class, Fixtures.class, World.class, TenancyProbe.class, Failures.class, Drafts.class)
                .addClasses(testSupport);
    }
}
