package org.charter.service.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Creates the database, its owner role and the application role when they are missing, with an administrator
 * connection: on a developer's machine (the run command) and before the integration tests. It runs before the
 * server starts, because the server connects as the application role while it deploys. In production an
 * administrator creates the roles instead (docs/operations.md). The application role gets NOBYPASSRLS
 * explicitly, so row-level security always applies to it.
 *
 * <p>Settings come from system properties or environment variables with the application's names
 * ({@code charter.db.url} or {@code CHARTER_DB_URL}, …), plus {@code charter.db.admin.url}, {@code .user} and
 * {@code .password} for the administrator.
 */
public final class DatabaseProvisioning {

    private static final Logger LOG = Logger.getLogger(DatabaseProvisioning.class.getName());
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;

    public DatabaseProvisioning(String adminUrl, String adminUser, String adminPassword) {
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public static void main(String[] args) {
        new DatabaseProvisioning(
                        setting("charter.db.admin.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                        setting("charter.db.admin.user", "postgres"),
                        setting("charter.db.admin.password", ""))
                .ensure(
                        setting("charter.db.url", "jdbc:postgresql://127.0.0.1:5432/charter"),
                        setting("charter.db.owner.user", "charter_owner"),
                        setting("charter.db.owner.password", "charter_owner"),
                        setting("charter.db.user", "charter_app"),
                        setting("charter.db.password", "charter_app"));
    }

    private static String setting(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(
                    key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null ? fallback : value;
    }

    void ensure(String appUrl, String owner, String ownerPassword, String app, String appPassword) {
        String database = databaseName(appUrl);
        try (Connection admin = connect(adminUrl)) {
            ensureRole(admin, owner, ownerPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE");
            ensureRole(admin, app, appPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                execute(
                        admin,
                        "create database " + identifier(database) + " owner " + identifier(owner)
                                + " encoding 'UTF8' template template0");
                execute(admin, "revoke all on database " + identifier(database) + " from public");
                LOG.info(() -> "Created database " + database);
            } else {
                LOG.info(() -> "Database " + database + " is there");
            }
            execute(admin, "grant connect on database " + identifier(database) + " to " + identifier(app));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the database " + database + ": " + e.getMessage(), e);
        }
    }

    private static void ensureRole(Connection admin, String role, String password, String attributes)
            throws SQLException {
        String verb = exists(admin, "select 1 from pg_roles where rolname = ?", role) ? "alter" : "create";
        execute(admin, verb + " role " + identifier(role) + " login " + attributes + " password " + literal(password));
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", adminUser);
        properties.setProperty("password", adminPassword);
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String databaseName(String jdbcUrl) {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return identifier(path.startsWith("/") ? path.substring(1) : path);
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
        }
        return name;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
