package org.charter.service.database;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema migrations, as the owner role: run by {@link DatabaseSetup} at deployment (the default), or as a
 * step of their own before the servers start, so that a production server needs only the application role's
 * password ({@code charter.db.migrate=false}; docs/operations.md, "Migrations as a separate step").
 *
 * <p>{@link #main} runs only the migrations. Settings as for the server: system property or environment variable
 * ({@code charter.db.url} or {@code CHARTER_DB_URL}, {@code charter.db.user}, {@code charter.db.owner.user},
 * {@code charter.db.owner.password}), else the application's defaults.
 */
public final class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    private DatabaseMigration() {}

    public static void main(String[] args) {
        Properties defaults = new Properties();
        try (InputStream in = DatabaseMigration.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the application's defaults", e);
        }
        migrate(
                setting("charter.db.url", defaults),
                setting("charter.db.owner.user", defaults),
                setting("charter.db.owner.password", defaults),
                setting("charter.db.user", defaults),
                DatabaseMigration.class.getClassLoader());
    }

    /** Brings the schema to this build's version, connected as the owner role; the app role gets its grants. */
    static MigrateResult migrate(String url, String owner, String ownerPassword, String appRole, ClassLoader loader) {
        long started = System.nanoTime();
        MigrateResult result =
                flyway(url, owner, ownerPassword, appRole, loader).migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations run in " + (System.nanoTime() - started) / 1_000_000 + " ms)");
        return result;
    }

    /**
     * With migrations run elsewhere: checks, as the application role, that the schema is at this build's version,
     * and refuses to start otherwise.
     */
    static void requireCurrent(String url, String appUser, String appPassword, ClassLoader loader) {
        MigrationInfo[] pending;
        try {
            pending = flyway(url, appUser, appPassword, appUser, loader).info().pending();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "charter.db.migrate is off, and the schema's version could not be read as " + appUser
                            + ": run org.charter.service.database.DatabaseMigration first (" + e.getMessage() + ")",
                    e);
        }
        if (pending.length > 0) {
            throw new IllegalStateException("charter.db.migrate is off, and " + pending.length + " migrations are"
                    + " pending (the first is version " + pending[0].getVersion() + "): run"
                    + " org.charter.service.database.DatabaseMigration first");
        }
        LOG.info("Migrations are run as a separate step; the schema is at this build's version");
    }

    private static Flyway flyway(String url, String user, String password, String appRole, ClassLoader loader) {
        return Flyway.configure(loader)
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .placeholders(Map.of("appRole", appRole))
                .load();
    }

    private static String setting(String key, Properties defaults) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value != null ? value : defaults.getProperty(key, "");
    }
}
