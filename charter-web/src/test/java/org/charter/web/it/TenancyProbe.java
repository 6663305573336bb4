package org.charter.web.it;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.persistence.config.QueryHints;

/**
 * Native SQL as the application's database role, with EclipseLink's tenant filter out of the way: what these
 * methods see is what row-level security alone lets through. Each public method is its own transaction.
 */
@Stateless
public class TenancyProbe {

    /** The organisation's tenant tables: every test franchise has rows in each. */
    public static final List<String> TENANT_TABLES =
            List.of("region", "store", "store_channel", "person", "store_membership", "audit_entry");

    /** Every tenant table, the charter's included. */
    public static final List<String> ALL_TENANT_TABLES = List.of(
            "region",
            "store",
            "store_channel",
            "person",
            "store_membership",
            "audit_entry",
            "charter_version",
            "charter_section",
            "section_text",
            "service_standard",
            "standard_text",
            "version_rendering",
            "rollout",
            "assignment",
            "acknowledgement",
            "compliance_rollup",
            "quiz",
            "quiz_question",
            "quiz_choice",
            "training_session",
            "session_seat",
            "quiz_attempt");

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    /** Every tenant id the table shows inside a transaction bound to {@code franchiseId}. */
    @SuppressWarnings("unchecked")
    public List<String> tenantsVisibleAs(String franchiseId, String table) {
        tenantSession.enter(franchiseId);
        return native_("select distinct tenant_id::text from " + checked(table)).getResultList();
    }

    /** Rows of the table in a transaction that never bound a tenant. */
    public long rowsWithoutTenant(String table) {
        return ((Number) native_("select count(*) from " + checked(table)).getSingleResult()).longValue();
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

    private static String checked(String table) {
        if (!ALL_TENANT_TABLES.contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return table;
    }
}
