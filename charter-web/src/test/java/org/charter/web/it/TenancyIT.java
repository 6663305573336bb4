package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.store.ChannelKind;
import org.charter.service.audit.AuditService;
import org.charter.service.charter.CharterService;
import org.charter.service.dashboard.DashboardService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.Issued;
import org.charter.service.people.PeopleService;
import org.charter.service.people.RosterLine;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.StoreTrainingService;
import org.charter.service.sessions.SessionService;
import org.charter.service.store.ChannelForm;
import org.charter.service.store.StoreForm;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;
import org.charter.service.training.QuizService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The two tenant locks, the role checks and the append-only audit trail, in the container against PostgreSQL.
 * Each test builds two fresh franchises, A and B, each with a region, two stores, a manager and employees.
 */
@ExtendWith(ArquillianExtension.class)
class TenancyIT {

    private static final String PLATFORM = "it-platform";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forServices(TenancyIT.class, FullFranchise.class, FullFranchise.Services.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    FranchiseService franchises;

    @Inject
    StoreService stores;

    @Inject
    PeopleService people;

    @Inject
    AuditService audit;

    @Inject
    DashboardService dashboard;

    @Inject
    TenancyProbe probe;

    @Inject
    CharterService charters;

    @Inject
    QuizService quizzes;

    @Inject
    RolloutService rollouts;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    StoreTrainingService training;

    @Inject
    SessionService sessions;

    @Inject
    org.charter.service.file.PersonFileService files;

    @Inject
    org.charter.service.sso.SsoDirectory ssoDirectory;

    @Inject
    org.charter.service.sso.SsoSettings ssoSettings;

    private World a;
    private World b;

    @BeforeEach
    void twoFranchises() {
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
    }

    @Test
    void anotherFranchisesIdsAreNotFoundThroughEveryService() {
        List<String> foreignIds = List.of(
                b.storeId,
                b.otherStoreId,
                b.regionId,
                b.employeeId,
                b.managerId,
                UUID.randomUUID().toString(),
                "1");
        for (String id : foreignIds) {
            notFound(a.hq, () -> stores.getStore(id));
            notFound(a.hq, () -> stores.updateStore(id, a.storeForm("X1", 0)));
            notFound(a.hq, () -> stores.closeStore(id));
            notFound(a.hq, () -> stores.reopenStore(id));
            notFound(a.hq, () -> stores.getRegion(id));
            notFound(a.hq, () -> stores.renameRegion(id, 0, "Elsewhere"));
            notFound(a.hq, () -> stores.deleteRegion(id));
            notFound(a.hq, () -> people.roster(id));
            notFound(a.hq, () -> people.addEmployee(id, World.person("intruder-" + World.suffix())));
            notFound(a.hq, () -> people.getPerson(id));
            notFound(a.hq, () -> people.updatePerson(id, World.person("x")));
            notFound(a.hq, () -> people.sendOnLeave(id));
            notFound(a.hq, () -> people.returnToWork(id));
            notFound(a.hq, () -> people.markLeft(id, null));
            notFound(a.hq, () -> people.rehire(id));
            notFound(a.hq, () -> people.resetAccess(id));
            notFound(a.hq, () -> people.assignStores(a.managerId, List.of(id)));
            notFound(a.manager, () -> people.roster(id));
            notFound(a.manager, () -> people.getPerson(id));
            notFound(a.manager, () -> people.resetAccess(id));
        }
        // and nothing of B changed
        assertEquals(3, as(b.hq, () -> people.roster(b.storeId)).size());
        assertTrue(as(b.hq, () -> stores.getStore(b.storeId)).isActive());
    }

    @Test
    void singleSignOnNamesOnlyTheFranchisesOwnPeople() {
        // whatever a franchise's provider vouches for, only that franchise's own accounts are candidates
        var own = ssoDirectory.account(a.franchiseId, org.charter.model.sso.SsoMatch.USERNAME, a.employee);
        assertEquals(a.employee, own.orElseThrow().username());
        assertTrue(ssoDirectory
                .account(a.franchiseId, org.charter.model.sso.SsoMatch.USERNAME, b.employee)
                .isEmpty());
        assertTrue(ssoDirectory
                .account(
                        a.franchiseId, org.charter.model.sso.SsoMatch.USERNAME, b.hq.toUpperCase(java.util.Locale.ROOT))
                .isEmpty());
        // no connection is set up: a sign-in through either franchise's address is not offered
        assertTrue(ssoDirectory.bySlug(a.slug).isEmpty());
        assertTrue(ssoDirectory.byFranchise(b.franchiseId).isEmpty());
        // and each HQ sees only its own franchise's settings
        assertTrue(as(a.hq, ssoSettings::current).isEmpty());
        assertEquals(b.slug, as(b.hq, ssoSettings::franchiseSlug));
    }

    @Test
    void listsNeverShowAnotherFranchise() {
        List<String> storeIds =
                as(a.hq, stores::listStores).stream().map(StoreSummary::id).toList();
        assertEquals(
                List.of(a.storeId, a.otherStoreId).stream().sorted().toList(),
                storeIds.stream().sorted().toList());
        assertFalse(
                as(a.hq, stores::listRegions).stream().anyMatch(r -> r.getId().equals(b.regionId)));
        assertFalse(as(a.hq, people::listManagers).stream()
                .anyMatch(m -> m.personId().equals(b.managerId)));
        assertFalse(as(a.hq, () -> audit.listRecent(0)).stream()
                .anyMatch(e -> b.storeId.equals(e.getSubjectId()) || b.employeeId.equals(e.getSubjectId())));
        assertEquals(2, as(a.hq, dashboard::overview).stores());
    }

    /**
     * The catalogue's view of every tenant table: row-level security enabled and forced (so the owner role is
     * held too), and the tenant policy for every command. A table added later without them fails here; the check
     * itself is shown to catch such a table, created and dropped again inside a transaction.
     */
    @Test
    void everyTenantTableIsUnderForcedRowLevelSecurityWithTheTenantPolicy() throws SQLException {
        try (Connection admin = TenancyProbe.superuser();
                Connection app = TenancyProbe.application()) {
            List<String> tables = TenancyProbe.tenantTables(admin);
            assertTrue(
                    tables.containsAll(List.of(
                            "region",
                            "store",
                            "person",
                            "audit_entry",
                            "charter_version",
                            "assignment",
                            "quiz_attempt")),
                    "the catalogue lists the tenant tables: " + tables);
            assertEquals(
                    List.of(),
                    TenancyProbe.strings(admin, UNGUARDED_TENANT_TABLES),
                    "a tenant table needs row-level security enabled and forced and the tenant policy:"
                            + " select enable_tenant_isolation('<table>') in its migration");
            // the check has teeth: a new tenant table without the lock is reported, one half-locked too
            admin.setAutoCommit(false);
            try (Statement statement = admin.createStatement()) {
                statement.execute("create table public.rls_check_unlocked (id uuid primary key, tenant_id uuid)");
                statement.execute("create table public.rls_check_half (id uuid primary key, tenant_id uuid)");
                statement.execute("alter table public.rls_check_half enable row level security");
                assertEquals(
                        List.of(
                                "rls_check_half: row-level security not forced, no tenant policy for every command",
                                "rls_check_unlocked: row-level security not enabled, row-level security not forced,"
                                        + " no tenant policy for every command"),
                        TenancyProbe.strings(admin, UNGUARDED_TENANT_TABLES));
            } finally {
                admin.rollback();
                admin.setAutoCommit(true);
            }
            // and the application's role can neither bypass the policies nor owns a table it could unlock
            assertEquals(
                    List.of("false false"),
                    TenancyProbe.strings(
                            app, "select rolsuper || ' ' || rolbypassrls from pg_roles where rolname = current_user"));
            assertEquals(
                    List.of(),
                    TenancyProbe.strings(
                            app,
                            "select c.relname::text from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                    + " where n.nspname = 'public' and pg_get_userbyid(c.relowner) = current_user"));
        }
    }

    /**
     * Row-level security alone, on every tenant table the catalogue lists: two franchises written through the
     * services until each has rows in every one of them; then, on connections of their own with EclipseLink
     * nowhere in between, inside A's transaction none of B's rows is visible and all of A's are (counted against
     * the superuser's view), a transaction with no tenant sees nothing, a copy of one of B's rows cannot be
     * inserted, B's rows cannot be reached by an update or a delete, and none of A's rows can be handed to B.
     *
     * <p>Each write is tried twice. Once as the application's role ({@code charter_app}) exactly as the product
     * connects: it must be refused, and is, today, by the policy itself (SQLState 42501, "row-level security");
     * where a trigger (a frozen version, an append-only table) or a missing privilege refuses it first, that is
     * printed, not hidden. And once as the owner role with every ordinary trigger switched off
     * ({@code session_replication_role = replica}, foreign-key checks included): the owner holds every privilege,
     * so there nothing but the policy can stop the write, and it must be the policy's refusal. PostgreSQL checks
     * the policy after BEFORE triggers and before constraints and unique indexes, so a duplicate key can never
     * hide a missing policy.
     */
    @Test
    void rowLevelSecurityAloneKeepsEveryTenantTableApart() throws SQLException {
        FullFranchise.Services services = new FullFranchise.Services(
                franchises, stores, people, charters, quizzes, rollouts, acknowledgements, training, sessions);
        String a = FullFranchise.build(services, PLATFORM).world.franchiseId;
        String b = FullFranchise.build(services, PLATFORM).world.franchiseId;
        String owner = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("charter.db.owner.user", String.class)
                .orElse("charter_owner");
        List<String> notes = new ArrayList<>();
        try (Connection admin = TenancyProbe.superuser();
                Connection app = TenancyProbe.application();
                Connection bare = TenancyProbe.superuser()) {
            try (Statement statement = bare.createStatement()) {
                statement.execute("set session_replication_role = replica");
                statement.execute("set role " + TenancyProbe.quoted(owner));
            }
            assertEquals(List.of(owner), TenancyProbe.strings(bare, "select current_user::text"));
            app.setAutoCommit(false);
            bare.setAutoCommit(false);

            List<String> tables = TenancyProbe.tenantTables(admin);
            Map<String, long[]> truth = new LinkedHashMap<>();
            List<String> unfilled = new ArrayList<>();
            for (String table : tables) {
                long[] rows = TenancyProbe.longs(
                        admin,
                        "select count(*) filter (where tenant_id = ?::uuid), count(*) filter (where tenant_id = ?::uuid)"
                                + " from " + TenancyProbe.quoted(table),
                        a,
                        b);
                truth.put(table, rows);
                if (rows[0] == 0 || rows[1] == 0) {
                    unfilled.add(table);
                }
            }
            assertEquals(
                    List.of(),
                    unfilled,
                    "tenant tables the test franchises have no rows in, so their isolation cannot be shown:"
                            + " extend FullFranchise.build to write them through the services");

            for (String table : tables) {
                String t = TenancyProbe.quoted(table);
                for (Connection role : List.of(app, bare)) {
                    String who = table + " as " + TenancyProbe.strings(role, "select current_user::text");
                    assertEquals(
                            List.of(truth.get(table)[0], truth.get(table)[0], 0L),
                            visible(role, t, a, b),
                            who + " in A's transaction: every row, A's rows, B's rows");
                    assertEquals(
                            List.of(truth.get(table)[1], truth.get(table)[1], 0L),
                            visible(role, t, b, a),
                            who + " in B's transaction: every row, B's rows, A's rows");
                    assertEquals(
                            List.of(0L, 0L, 0L), visible(role, t, null, a), who + " in a transaction without a tenant");
                }
                String copy = copyWithFreshKey(admin, table, b);
                String insert = insertFromJson(admin, table);
                refusedByRowSecurity(
                        app, bare, notes, table + ": a copy of B's row inserted in A's transaction", a, insert, copy);
                refusedByRowSecurity(
                        app, bare, notes, table + ": a copy of B's row inserted without a tenant", null, insert, copy);
                for (String reach : List.of(
                        "update " + t + " set tenant_id = tenant_id where tenant_id = ?::uuid",
                        "delete from " + t + " where tenant_id = ?::uuid")) {
                    assertEquals("0 rows written", attempt(bare, a, reach, b), table + " as the owner: " + reach);
                    String asApp = attempt(app, a, reach, b);
                    assertTrue(
                            asApp.equals("0 rows written")
                                    || asApp.startsWith("42501 ") && asApp.contains("permission denied"),
                            table + " as the application: " + reach + ": " + asApp);
                }
                refusedByRowSecurity(
                        app,
                        bare,
                        notes,
                        table + ": one of A's rows moved to B",
                        a,
                        "update " + t + " set tenant_id = ?::uuid where ctid = (select ctid from " + t
                                + " where tenant_id = ?::uuid limit 1)",
                        b,
                        a);
            }
        }
        // what refused a write before the policy could, for the application's role; the owner's try proved the
        // policy for each of them
        notes.forEach(note -> System.out.println("[isolation] " + note));
    }

    /**
     * Tenant tables without the full lock, each with what it lacks: row-level security enabled, forced, and a
     * permissive policy for every command whose USING and WITH CHECK compare {@code tenant_id} with the
     * transaction's {@code app.tenant_id}. A second permissive policy that does not would widen it, and is named.
     */
    private static final String UNGUARDED_TENANT_TABLES = "with tenant_table as ("
            + " select c.relname::text as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,"
            + " exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polcmd = '*' and p.polpermissive"
            + "   and pg_get_expr(p.polqual, p.polrelid) like '%tenant_id = %current_setting(''app.tenant_id''%'"
            + "   and pg_get_expr(p.polwithcheck, p.polrelid) like '%tenant_id = %current_setting(''app.tenant_id''%')"
            + "   as guarded,"
            + " exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polpermissive"
            + "   and coalesce(pg_get_expr(p.polqual, p.polrelid), '') not like"
            + "     '%tenant_id = %current_setting(''app.tenant_id''%') as widened"
            + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped"
            + " where n.nspname = 'public' and c.relkind in ('r', 'p'))"
            + " select name || ': ' || concat_ws(', ',"
            + "   case when not enabled then 'row-level security not enabled' end,"
            + "   case when not forced then 'row-level security not forced' end,"
            + "   case when not guarded then 'no tenant policy for every command' end,"
            + "   case when widened then 'another permissive policy widens it' end)"
            + " from tenant_table where not (enabled and forced and guarded) or widened order by name";

    /** Rows the table shows in a transaction bound to {@code tenant} (none when null): all, the tenant's, other's. */
    private static List<Long> visible(Connection connection, String table, String tenant, String other)
            throws SQLException {
        try {
            bind(connection, tenant);
            long[] rows = TenancyProbe.longs(
                    connection,
                    "select count(*), count(*) filter (where tenant_id = ?::uuid),"
                            + " count(*) filter (where tenant_id = ?::uuid) from " + table,
                    tenant == null ? other : tenant,
                    other);
            return tenant == null ? List.of(rows[0], 0L, rows[2]) : List.of(rows[0], rows[1], rows[2]);
        } finally {
            connection.rollback();
        }
    }

    /**
     * The write must be refused. As the owner with triggers off only the policy can refuse it, and must; as the
     * application's role it must fail too, and when something other than the policy stops it first, that is noted.
     */
    private static void refusedByRowSecurity(
            Connection app,
            Connection bare,
            List<String> notes,
            String what,
            String tenant,
            String sql,
            Object... parameters) {
        String alone = attempt(bare, tenant, sql, parameters);
        assertTrue(byRowSecurity(alone), what + ", as the owner with triggers off: " + alone);
        String asApp = attempt(app, tenant, sql, parameters);
        assertFalse(asApp.endsWith("rows written"), what + ", as the application: " + asApp);
        if (!byRowSecurity(asApp)) {
            notes.add(what + ": for the application's role refused first by " + asApp);
        }
    }

    private static boolean byRowSecurity(String outcome) {
        return outcome.startsWith("42501 ") && outcome.contains("row-level security");
    }

    /** What the statement did in a transaction bound to {@code tenant} (none when null), rolled back. */
    private static String attempt(Connection connection, String tenant, String sql, Object... parameters) {
        try {
            bind(connection, tenant);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate() + " rows written";
            }
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse("");
        } finally {
            try {
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void bind(Connection connection, String tenant) throws SQLException {
        if (tenant != null) {
            TenancyProbe.strings(connection, "select set_config('app.tenant_id', ?, true)", tenant);
        }
    }

    /**
     * One of the tenant's rows as JSON, read by the superuser; a single-column uuid key gets a fresh value. Other
     * keys stay as they are: the policy is checked before any unique index.
     */
    private static String copyWithFreshKey(Connection admin, String table, String tenant) throws SQLException {
        List<String> key = TenancyProbe.strings(
                admin,
                "select a.attname || ' ' || format_type(a.atttypid, a.atttypmod) from pg_index i"
                        + " join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)"
                        + " where i.indrelid = ?::regclass and i.indisprimary",
                "public." + TenancyProbe.quoted(table));
        String fresh = key.size() == 1 && key.get(0).endsWith(" uuid")
                ? "{\"" + key.get(0).substring(0, key.get(0).indexOf(' ')) + "\": \"" + UUID.randomUUID() + "\"}"
                : "{}";
        return TenancyProbe.strings(
                        admin,
                        "select (to_jsonb(t) || ?::jsonb)::text from " + TenancyProbe.quoted(table)
                                + " t where tenant_id = ?::uuid limit 1",
                        fresh,
                        tenant)
                .get(0);
    }

    /** {@code insert into t (…) select … from json_populate_record(null::t, ?::json)}, generated columns left out. */
    private static String insertFromJson(Connection admin, String table) throws SQLException {
        String t = TenancyProbe.quoted(table);
        String columns = String.join(
                ", ",
                TenancyProbe.strings(
                        admin,
                        "select quote_ident(attname) from pg_attribute where attrelid = ?::regclass and attnum > 0"
                                + " and not attisdropped and attgenerated = '' and attidentity <> 'a' order by attnum",
                        "public." + t));
        return "insert into " + t + " (" + columns + ") select " + columns + " from json_populate_record(null::public."
                + t + ", ?::json)";
    }

    @Test
    void aPooledConnectionCarriesNoTenantIntoTheNextTransaction() {
        int reused = 0;
        for (int i = 0; i < 40; i++) {
            int backend = probe.enterAndTellBackend(a.franchiseId);
            Object[] next = probe.settingAndBackend();
            assertEquals("", next[0], "the next transaction must start without a tenant");
            assertEquals(0L, ((Number) next[2]).longValue(), "and must see no rows");
            if (((Number) next[1]).intValue() == backend) {
                reused++;
            }
        }
        assertTrue(reused > 0, "the check is only meaningful when a connection was reused; none was in 40 tries");
    }

    @Test
    void theApplicationRoleCannotRewriteTheAuditTrail() {
        for (String sql : List.of(
                "update audit_entry set detail = 'rewritten'", "delete from audit_entry", "truncate audit_entry")) {
            Exception refused = assertThrows(Exception.class, () -> probe.writeAs(a.franchiseId, sql), sql);
            assertTrue(
                    Failures.causes(refused).contains("permission denied")
                            || Failures.causes(refused).contains("append-only"),
                    Failures.causes(refused));
        }
        assertEquals(0, as(a.hq, audit::countBrokenLinks));
    }

    @Test
    void theHashChainShowsATamperedRowAndOnlyInThatFranchise() throws Exception {
        assertEquals(0, as(a.hq, audit::countBrokenLinks));
        // a database superuser switches the triggers off for the session and edits a row behind the application
        java.util.Properties superuser = new java.util.Properties();
        superuser.setProperty("user", "postgres");
        String url =
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("charter.db.url", String.class);
        try (Connection admin = new org.postgresql.Driver().connect(url, superuser);
                Statement statement = admin.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.executeUpdate("update audit_entry set detail = 'rewritten' where tenant_id = '" + a.franchiseId
                    + "' and seq = (select min(seq) from audit_entry where tenant_id = '" + a.franchiseId + "')");
        }
        assertTrue(as(a.hq, audit::countBrokenLinks) > 0);
        assertEquals(0, as(b.hq, audit::countBrokenLinks));
    }

    @Test
    void eachRoleIsRefusedWhatItMayNotDo() {
        // an employee manages nothing
        denied(a.employee, stores::listStores);
        denied(a.employee, () -> stores.createStore(a.storeForm("E1", 0)));
        denied(a.employee, () -> people.roster(a.storeId));
        denied(a.employee, () -> people.addEmployee(a.storeId, World.person("e-" + World.suffix())));
        denied(a.employee, audit::countBrokenLinks);
        denied(a.employee, franchises::listFranchises);
        denied(a.employee, ssoSettings::current);
        denied(a.manager, ssoSettings::current);
        // a store manager runs the roster of their own store only, and nothing of HQ's
        denied(a.manager, () -> stores.createStore(a.storeForm("M1", 0)));
        denied(a.manager, () -> stores.createRegion("Mine"));
        denied(a.manager, people::listManagers);
        denied(a.manager, () -> audit.listRecent(0));
        notFound(a.manager, () -> people.roster(a.otherStoreId));
        notFound(a.manager, () -> people.getPerson(a.otherStoreEmployeeId));
        notFound(a.manager, () -> people.markLeft(a.otherStoreEmployeeId, null));
        notFound(a.manager, () -> stores.getStore(a.otherStoreId));
        assertEquals(
                List.of(a.storeId),
                as(a.manager, stores::listStores).stream().map(StoreSummary::id).toList());
        // HQ cannot reach platform functions, and the platform cannot read franchise content
        denied(a.hq, franchises::listFranchises);
        denied(a.hq, () -> franchises.suspend(b.franchiseId));
        denied(PLATFORM, stores::listStores);
        denied(PLATFORM, () -> people.roster(a.storeId));
        denied(PLATFORM, () -> audit.listRecent(0));
        // nobody signed in, or an unknown name, gets nothing
        denied(null, stores::listStores);
        denied("nobody-" + World.suffix(), stores::listStores);
    }

    @Test
    void aPersonsFileIsForHeadquartersAndTheirOwnManagersOnly() {
        var file = as(a.hq, () -> files.file(a.employeeId));
        assertEquals(a.employeeId, file.personId());
        assertEquals(1, file.stores().size(), "the store the employee works in");
        assertTrue(file.stores().get(0).startsWith("A1 "), file.stores().toString());
        assertEquals(a.employeeId, as(a.manager, () -> files.file(a.employeeId)).personId(), "their manager");
        notFound(a.manager, () -> files.file(a.otherStoreEmployeeId));
        notFound(b.hq, () -> files.file(a.employeeId));
        notFound(b.manager, () -> files.file(a.employeeId));
        notFound(a.hq, () -> files.file(b.employeeId));
        notFound(a.hq, () -> files.file("not-an-id"));
        denied(a.employee, () -> files.file(a.employeeId));
    }

    @Test
    void aSuspendedFranchiseIsShutOutAtItsNextCall() {
        run(PLATFORM, () -> franchises.suspend(a.franchiseId));
        denied(a.hq, stores::listStores);
        denied(a.employee, people::myself);
        assertEquals(2, as(b.hq, stores::listStores).size(), "other franchises carry on");
        run(PLATFORM, () -> franchises.reactivate(a.franchiseId));
        assertEquals(2, as(a.hq, stores::listStores).size());
    }

    @Test
    void someoneWhoLeftCannotActAnyMore() {
        run(a.hq, () -> people.markLeft(a.managerId, null));
        denied(a.manager, stores::listStores);
        assertEquals(
                "LEFT",
                as(a.hq, () -> people.getPerson(a.managerId)).getStatus().name());
    }

    @Test
    void concurrentEditsEndInAClearMessageNotALostChange() {
        long loaded = as(a.hq, () -> stores.getStore(a.storeId)).getVersion();
        run(a.hq, () -> stores.updateStore(a.storeId, a.storeForm("first", loaded)));
        BusinessException stale = assertThrows(
                BusinessException.class,
                () -> run(a.hq, () -> stores.updateStore(a.storeId, a.storeForm("second", loaded))));
        assertEquals("error.concurrentChange", stale.getMessageKey());
        assertEquals("Store first", as(a.hq, () -> stores.getStore(a.storeId)).getName());
    }

    @Test
    void badInputIsRefusedAndLeavesNothingHalfWritten() {
        int before = as(a.hq, stores::listStores).size();
        StoreForm unreadableHours = new StoreForm(
                "BAD1",
                "Bad hours",
                null,
                null,
                null,
                null,
                null,
                "Europe/Riga",
                List.of(new ChannelForm(ChannelKind.PHONE, "+371 6000 0000", "whenever we like")),
                0);
        BusinessException e =
                assertThrows(BusinessException.class, () -> run(a.hq, () -> stores.createStore(unreadableHours)));
        assertEquals("error.store.hours", e.getMessageKey());
        StoreForm badZone =
                new StoreForm("BAD2", "Bad zone", null, null, null, null, null, "Europe/Atlantis", List.of(), 0);
        assertEquals(
                "error.timeZone",
                assertThrows(BusinessException.class, () -> run(a.hq, () -> stores.createStore(badZone)))
                        .getMessageKey());
        assertEquals(
                "error.store.codeTaken",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.hq,
                                        () -> stores.createStore(new StoreForm(
                                                "A1",
                                                "Copy",
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                "Europe/Riga",
                                                List.of(),
                                                0))))
                        .getMessageKey());
        assertEquals(before, as(a.hq, stores::listStores).size(), "no store was created");
        assertEquals(
                "error.username.taken",
                assertThrows(
                                BusinessException.class,
                                () -> run(a.manager, () -> people.addEmployee(a.storeId, World.person(a.employee))))
                        .getMessageKey());
        assertEquals(3, as(a.manager, () -> people.roster(a.storeId)).size(), "no person was created");
    }

    @Test
    void aRosterShowsItsPeopleAndTheirState() {
        List<RosterLine> roster = as(a.manager, () -> people.roster(a.storeId));
        assertEquals(3, roster.size());
        assertTrue(roster.stream().allMatch(RosterLine::awaitingPassword), "nobody has chosen a password yet");
        run(a.manager, () -> people.sendOnLeave(a.employeeId));
        assertEquals(
                "ON_LEAVE",
                as(a.manager, () -> people.getPerson(a.employeeId)).getStatus().name());
        Issued fresh = as(a.manager, () -> people.resetAccess(a.employeeId));
        assertEquals(11, fresh.code().length());
    }

    private static void notFound(String username, Runnable call) {
        assertThrows(NotFoundException.class, () -> run(username, call), username + " should get 'not found'");
    }

    private static void notFound(String username, java.util.function.Supplier<?> call) {
        notFound(username, (Runnable) call::get);
    }

    private static void denied(String username, java.util.function.Supplier<?> call) {
        assertThrows(AccessDeniedException.class, () -> as(username, call), username + " should be refused");
    }
}
