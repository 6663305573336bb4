package org.charter.service.database;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Brings the database to the schema this build expects before anything else touches it, by running the
 * migrations as the owner role. The database and both roles exist already ({@link DatabaseProvisioning}).
 * Bean-managed transactions: Flyway manages its own. The application's own pool, {@code jdbc/charter}, is the
 * server's, made at boot by {@code micro/pool.asadmin}.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSetup {

    @PostConstruct
    void migrate() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("charter.db.url", String.class);
        String appUser = config.getValue("charter.db.user", String.class);
        if (!config.getOptionalValue("charter.db.migrate", Boolean.class).orElse(true)) {
            // migrations ran as a step of their own (DatabaseMigration): this server holds no owner password
            DatabaseMigration.requireCurrent(
                    url,
                    appUser,
                    config.getOptionalValue("charter.db.password", String.class).orElse(""),
                    getClass().getClassLoader());
            return;
        }
        String owner = config.getValue("charter.db.owner.user", String.class);
        String ownerPassword = config.getOptionalValue("charter.db.owner.password", String.class)
                .orElse("");
        DatabaseMigration.migrate(url, owner, ownerPassword, appUser, getClass().getClassLoader());
    }
}
