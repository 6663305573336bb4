package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.store.ChannelKind;
import org.charter.service.audit.AuditService;
import org.charter.service.dashboard.DashboardService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.Issued;
import org.charter.service.people.PeopleService;
import org.charter.service.people.RosterLine;
import org.charter.service.store.ChannelForm;
import org.charter.service.store.StoreForm;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;
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
        return Deployments.forServices(TenancyIT.class);
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

    @Test
    void rowLevelSecurityAloneKeepsFranchisesApart() {
        for (String table : TenancyProbe.TENANT_TABLES) {
            assertEquals(List.of(a.franchiseId), probe.tenantsVisibleAs(a.franchiseId, table), table);
        }
        for (String table : TenancyProbe.ALL_TENANT_TABLES) {
            assertEquals(0, probe.rowsWithoutTenant(table), table + " without a tenant");
        }
        // the policy's WITH CHECK refuses a row written for B inside A's transaction
        Exception refused = assertThrows(
                Exception.class,
                () -> probe.writeAs(
                        a.franchiseId,
                        "insert into region (id, tenant_id, name) values (gen_random_uuid(), '" + b.franchiseId
                                + "', 'smuggled')"));
        assertTrue(Failures.causes(refused).contains("row-level security"), Failures.causes(refused));
        // and an update aimed at B's rows finds none
        assertEquals(
                0,
                probe.writeAs(
                        a.franchiseId, "update store set name = 'taken' where tenant_id = '" + b.franchiseId + "'"));
        assertFalse("taken".equals(as(b.hq, () -> stores.getStore(b.storeId)).getName()));
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
