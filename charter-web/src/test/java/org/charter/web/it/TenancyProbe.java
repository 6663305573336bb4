package org.charter.web.it;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.QueryHints;

/**
 * The database under the application, seen two ways. The bean's methods run native SQL as the application's
 * database role inside a container transaction, with EclipseLink's tenant filter out of the way: what they see
 * is what row-level security alone lets through; each is its own transaction. The static methods open
 * connections of their own with the plain driver, outside the pool and the container's transactions, as the
 * application role or as the database superuser, and read the catalogue.
 */
@Stateless
public class TenancyProbe {

    /**
     * Every tenant table of the schema, read from the catalogue: each table of the public schema with a
     * {@code tenant_id} column. A table added by a later migration is on this list without anyone typing it.
     */
    static final String TENANT_TABLES_SQL = "select c.relname from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped"
            + " where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    /** Every tenant id the table shows inside a transaction bound to {@code franchiseId}. */
    @SuppressWarnings("unchecked")
    public List<String> tenantsVisibleAs(String franchiseId, String table) {
        checked(table);
        tenantSession.enter(franchiseId);
        return native_("select distinct tenant_id::text from " + table).getResultList();
    }

    /** Rows of the table in a transaction that never bound a tenant. */
    public long rowsWithoutTenant(String table) {
        checked(table);
        return ((Number) native_("select count(*) from " + table).getSingleResult()).longValue();
    }

    /** Binds the tenant and tells which server process (pooled connection) the transaction got. */
    public int enterAndTellBackend(String franchiseId) {
        tenantSession.enter(franchiseId);
        return ((Number) native_("select pg_backend_pid()").getSingleResult()).intValue();
    }

    /** The tenant setting a fresh transaction finds on its connection, and that connection's process id. */
    public Object[] settingAndBackend() {
        return (Object[]) native_("select coalesce(current_setting('app.tenant_id', true), ''), pg_backend_pid(),"
                        + " (select count(*) from store)")
                .getSingleResult();
    }

    /** Runs a write as the application role inside a transaction bound to {@code franchiseId}. */
    public int writeAs(String franchiseId, String sql) {
        tenantSession.enter(franchiseId);
        return native_(sql).executeUpdate();
    }

    /** How many of this database's server processes wait for a row or table lock right now. */
    public long waitingForLocks() {
        return ((Number) native_("select count(*) from pg_stat_activity where datname = current_database()"
                                + " and wait_event_type = 'Lock'")
                        .getSingleResult())
                .longValue();
    }

    private jakarta.persistence.Query native_(String sql) {
        return em.createNativeQuery(sql).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }

    /** Only a name from the catalogue's list goes into SQL text. */
    @SuppressWarnings("unchecked")
    private void checked(String table) {
        List<String> tables = native_(TENANT_TABLES_SQL).getResultList();
        if (!tables.contains(table)) {
            throw new IllegalArgumentException(table + " is not a tenant table");
        }
    }

    // Plain connections, outside the container --------------------------------------------------------------

    /** A connection of the application's own role ({@code charter.db.user}), as the product logs in. */
    static Connection application() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return connect(
                config.getValue("charter.db.user", String.class),
                config.getOptionalValue("charter.db.password", String.class).orElse(""));
    }

    /** A connection of the database superuser, which row-level security does not hold. */
    static Connection superuser() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return connect(
                config.getOptionalValue("charter.db.admin.user", String.class).orElse("postgres"),
                config.getOptionalValue("charter.db.admin.password", String.class)
                        .orElse(""));
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        String url = ConfigProvider.getConfig().getValue("charter.db.url", String.class);
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("no connection to " + url);
        }
        return connection;
    }

    /** The tenant tables, from the catalogue (see {@link #TENANT_TABLES_SQL}). */
    static List<String> tenantTables(Connection connection) throws SQLException {
        return strings(connection, TENANT_TABLES_SQL);
    }

    static List<String> strings(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    static long[] longs(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long[] values = new long[rows.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rows.getLong(i + 1);
                }
                return values;
            }
        }
    }

    /** A table or column name for SQL text, quoted. */
    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
