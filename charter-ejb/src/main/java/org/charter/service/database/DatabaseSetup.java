package org.charter.service.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * Brings the database to the schema this build expects before anything else touches it: creates the database
 * and its two roles when an administrator connection is configured (development, tests), then runs the
 * migrations as the owner role. Bean-managed transactions: Flyway manages its own.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = "java:app/jdbc/charter",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=charter.db.url}",
        user = "${MPCONFIG=charter.db.user}",
        password = "${MPCONFIG=charter.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // ids are UUID columns mapped as text; let the server decide the parameter types
        properties = {"stringType=unspecified", "ApplicationName=charter"})
public class DatabaseSetup {

    private static final Logger LOG = Logger.getLogger(DatabaseSetup.class.getName());

    @PostConstruct
    void migrate() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("charter.db.url", String.class);
        String appUser = config.getValue("charter.db.user", String.class);
        String owner = config.getValue("charter.db.owner.user", String.class);
        String ownerPassword =
                config.getOptionalValue("charter.db.owner.password", String.class).orElse("");

        config.getOptionalValue("charter.db.admin.url", String.class).ifPresent(adminUrl -> new DatabaseProvisioning(
                        adminUrl,
                        config.getValue("charter.db.admin.user", String.class),
                        config.getOptionalValue("charter.db.admin.password", String.class)
                                .orElse(""))
                .ensure(
                        url,
                        owner,
                        ownerPassword,
                        appUser,
                        config.getOptionalValue("charter.db.password", String.class)
                                .orElse("")));

        long started = System.nanoTime();
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(url, owner, ownerPassword)
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", appUser))
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations run in " + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }
}
