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
 * Brings the database to the schema this build expects before anything else touches it, by running the
 * migrations as the owner role. The database and both roles exist already ({@link DatabaseProvisioning}).
 * Bean-managed transactions: Flyway manages its own.
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
        String ownerPassword = config.getOptionalValue("charter.db.owner.password", String.class)
                .orElse("");

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
