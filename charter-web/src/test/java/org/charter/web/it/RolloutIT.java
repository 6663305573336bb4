package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.VersionStatus;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.audit.AuditService;
import org.charter.service.charter.CharterService;
import org.charter.service.evidence.ChainHead;
import org.charter.service.evidence.EvidenceCheck;
import org.charter.service.evidence.EvidenceService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.PeopleService;
import org.charter.service.publication.PublishedCharterService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.Signatures.Confirmation;
import org.charter.service.rollout.Statements;
import org.charter.service.rollout.StoreProgress;
import org.charter.service.store.StoreService;
import org.charter.service.training.QuizService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rollout, signatures and the publication gate, in the container against PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class RolloutIT {

    private static final String PLATFORM = "it-platform";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forServices(RolloutIT.class);
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
    CharterService charters;

    @Inject
    RolloutService rollouts;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    PublishedCharterService published;

    @Inject
    QuizService quizzes;

    @Inject
    TenancyProbe probe;

    @Inject
    EvidenceService evidence;

    @Inject
    AuditService audit;

    @Resource
    ManagedExecutorService executor;

    @Resource
    jakarta.transaction.UserTransaction tx;

    private World a;
    private World b;
    private CharterVersion version;

    @BeforeEach
    void aFranchiseWithAFrozenVersion() {
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
        version = Drafts.readyForRollout(charters, quizzes, a);
    }

    @Test
    void startingARolloutAssignsEveryoneWhoWorksInAStoreAndTheBoardCountsThem() {
        int assigned =
                as(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        assertEquals(4, assigned, "the manager and two staff of A1, one of B1; HQ works in no store");
        Map<String, StoreProgress> board = board(a);
        assertEquals(3, board.get("A1").required());
        assertEquals(3, board.get("A1").open());
        assertEquals(1, board.get("B1").open());
        // the page's board: sums per region, and the stores a page at a time, most open first
        org.charter.service.rollout.Board page = as(a.hq, () -> rollouts.board(1));
        assertTrue(page.isInRollout());
        assertEquals(2, page.storeCount());
        assertEquals(
                List.of("A1"),
                page.firstStores().stream().map(StoreProgress::code).toList());
        assertEquals(1, page.regions().size());
        assertEquals(4, page.regions().get(0).open());
        assertEquals(LocalDate.now().plusDays(30), page.deadline());
        assertEquals(
                List.of("B1"),
                as(a.hq, () -> rollouts.stores(version.getId(), 1, 1)).stream()
                        .map(StoreProgress::code)
                        .toList());
        assertEquals(
                VersionStatus.ROLLOUT,
                as(a.hq, () -> charters.getVersion(version.getId())).getStatus());
        assertEquals(
                "error.charter.notFrozen",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.hq,
                                        () -> rollouts.start(
                                                version.getId(), LocalDate.now().plusDays(30))))
                        .getMessageKey());
    }

    @Test
    void publishingIsRefusedWhileAnyoneIsOpenAndNamesTheStores() {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        sign(a.manager);
        sign(a.employee);
        BusinessException blocked =
                assertThrows(BusinessException.class, () -> run(a.hq, () -> rollouts.publish(version.getId(), null)));
        assertEquals("error.rollout.blocked", blocked.getMessageKey());
        assertEquals("A1 (1), B1 (1)", blocked.getArguments()[0]);
        sign("emp2-" + a.hq.substring(3));
        sign("other-" + a.hq.substring(3));
        assertEquals(0, board(a).values().stream().mapToInt(StoreProgress::open).sum());
        CharterVersion live = as(a.hq, () -> rollouts.publish(version.getId(), null));
        assertEquals(VersionStatus.PUBLISHED, live.getStatus());
        String slug = as(PLATFORM, franchises::listFranchises).stream()
                .filter(f -> f.getId().equals(a.franchiseId))
                .findFirst()
                .orElseThrow()
                .getSlug();
        assertEquals(
                1,
                published
                        .read(slug, null, null, List.of())
                        .orElseThrow()
                        .version()
                        .number(),
                "the public page shows the new version");
    }

    @Test
    void twentyIdenticalSignaturesMakeOneRecord() throws Exception {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        passQuiz(a.employee);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> submissions = new ArrayList<>();
        Confirmation confirmation = signing(a.employee);
        TestCaller.run(a.employee, () -> {
            for (int i = 0; i < 20; i++) {
                submissions.add(executor.submit(() -> {
                    start.await();
                    return acknowledgements.sign(confirmation);
                }));
            }
            start.countDown();
            try {
                List<Boolean> signedNow = new ArrayList<>();
                for (Future<Boolean> submission : submissions) {
                    signedNow.add(submission.get());
                }
                assertEquals(
                        1,
                        signedNow.stream().filter(Boolean::booleanValue).count(),
                        "one submission signed, the others found it signed: " + signedNow);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(1, as(a.employee, acknowledgements::mySignatures).size());
        StoreProgress a1 = board(a).get("A1");
        assertEquals(1, a1.completed(), "the roll-up counted the completion once");
        assertEquals(2, a1.open());
    }

    @Test
    void aSignatureIsEvidenceAndCannotBeChangedOrDeleted() {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        Acknowledgement signed = sign(a.employee);
        assertEquals(
                as(a.employee, () -> acknowledgements.read(version.getId(), Language.DE))
                        .sha256(),
                signed.getContentSha256(),
                "the hash kept is that of the text the person was shown");
        assertEquals("de", signed.getLocale());
        assertEquals(
                Statements.training(Language.DE, version.getNumber()),
                signed.getStatement(),
                "the service renders the statement in the language read");
        assertTrue(signed.getSignedAt() != null && "PASSWORD".equals(signed.getAuthMethod()));
        for (String sql : List.of(
                "update acknowledgement set typed_name = 'someone else'",
                "delete from acknowledgement",
                "truncate acknowledgement")) {
            Exception refused = assertThrows(Exception.class, () -> probe.writeAs(a.franchiseId, sql), sql);
            String causes = Failures.causes(refused);
            assertTrue(causes.contains("permission denied") || causes.contains("append-only"), causes);
        }
        passQuiz(a.manager);
        assertEquals(
                "error.ack.name",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.manager,
                                        () -> acknowledgements.sign(new Confirmation(
                                                version.getId(),
                                                Language.DE,
                                                shown(a.manager, version.getId()),
                                                "Not Me",
                                                "127.0.0.1",
                                                "test"))))
                        .getMessageKey());
        // the name on file comes back with the signing statement's answer: a wrong one must undo that statement
        assertTrue(as(a.manager, acknowledgements::mySignatures).isEmpty(), "a wrong name signs nothing");
        assertTrue(
                as(a.manager, () -> acknowledgements.sign(signing(a.manager))),
                "the right name then signs: the refused try left no signature behind");
    }

    @Test
    void onlyTheTextThePersonWasShownCanBeSigned() {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        passQuiz(a.employee);
        Confirmation right = signing(a.employee);
        for (Confirmation wrong : List.of(
                new Confirmation(
                        right.versionId(),
                        right.language(),
                        "0".repeat(64),
                        right.typedName(),
                        right.clientAddress(),
                        right.userAgent()),
                // the German text's hash sent as if the English text had been shown
                new Confirmation(
                        right.versionId(),
                        Language.EN,
                        right.shownSha256(),
                        right.typedName(),
                        right.clientAddress(),
                        right.userAgent()))) {
            assertEquals(
                    "error.ack.changed",
                    assertThrows(BusinessException.class, () -> run(a.employee, () -> acknowledgements.sign(wrong)))
                            .getMessageKey());
        }
        assertTrue(as(a.employee, acknowledgements::mySignatures).isEmpty(), "nothing was signed");
        assertEquals(0, board(a).get("A1").completed());
        assertTrue(as(a.employee, () -> acknowledgements.sign(right)));
        assertEquals(1, board(a).get("A1").completed());
    }

    @Test
    void aNewHireDuringTheRolloutIsAssignedAtOnce() {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        run(a.manager, () -> people.addEmployee(a.storeId, World.person("late-" + World.suffix())));
        assertEquals(4, board(a).get("A1").open());
        run(a.hq, () -> people.appointManager(World.person("lead-" + World.suffix()), List.of(a.otherStoreId)));
        assertEquals(2, board(a).get("B1").open(), "a manager appointed during the rollout signs too");
    }

    @Test
    void anotherFranchisesVersionIsNotFoundAndOnlyHeadquartersRollsOut() {
        CharterVersion foreign = Drafts.readyForRollout(charters, quizzes, b);
        for (Supplier<?> call : List.<Supplier<?>>of(
                () -> rollouts.start(foreign.getId(), LocalDate.now().plusDays(30)),
                () -> rollouts.progress(foreign.getId()),
                () -> rollouts.stores(foreign.getId(), 0, 10),
                () -> rollouts.publish(foreign.getId(), null))) {
            assertThrows(NotFoundException.class, () -> as(a.hq, call));
        }
        run(b.hq, () -> rollouts.start(foreign.getId(), LocalDate.now().plusDays(30)));
        assertThrows(
                NotFoundException.class,
                () -> run(
                        a.employee,
                        () -> acknowledgements.sign(new Confirmation(
                                foreign.getId(), Language.DE, "0".repeat(64), "Person " + a.employee, null, null))));
        assertThrows(
                AccessDeniedException.class,
                () -> run(
                        a.manager,
                        () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30))));
        assertThrows(AccessDeniedException.class, () -> run(a.employee, () -> rollouts.progress(version.getId())));
    }

    @Test
    void aCompletionRacingThePublicationCountsOnlyOnceCommitted() throws Exception {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        for (String username : List.of(a.manager, "emp2-" + a.hq.substring(3), "other-" + a.hq.substring(3))) {
            sign(username);
        }
        // the last open person signs; their transaction has signed and completed the assignment but not
        // committed when HQ publishes, and then it rolls back (the device lost its connection)
        passQuiz(a.employee);
        Confirmation last = signing(a.employee);
        CountDownLatch signed = new CountDownLatch(1);
        CountDownLatch rollBack = new CountDownLatch(1);
        Future<Object> signing = executor.submit(() -> TestCaller.onThread(
                a.employee,
                () -> rolledBack(() -> {
                    assertTrue(acknowledgements.sign(last));
                    signed.countDown();
                    await(rollBack);
                })));
        await(signed);
        Future<CharterVersion> publication =
                executor.submit(() -> TestCaller.onThread(a.hq, () -> rollouts.publish(version.getId(), null)));
        // whether the publication waits for the signer's locks or reads past them, it must not count the signature
        Thread.sleep(500);
        rollBack.countDown();
        signing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        java.util.concurrent.ExecutionException refused = assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> publication.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("error.rollout.blocked", ((BusinessException) refused.getCause()).getMessageKey());
        assertEquals("A1 (1)", ((BusinessException) refused.getCause()).getArguments()[0]);
        // signed and committed, the same person lets the version publish
        assertTrue(as(a.employee, () -> acknowledgements.sign(last)));
        assertEquals(
                VersionStatus.PUBLISHED,
                as(a.hq, () -> rollouts.publish(version.getId(), null)).getStatus());
    }

    @Test
    void aHireRacingThePublicationIsEitherCountedOrGivenTheNewVersion() throws Exception {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        for (String username :
                List.of(a.manager, a.employee, "emp2-" + a.hq.substring(3), "other-" + a.hq.substring(3))) {
            sign(username);
        }
        // 1. The hire takes its lock first and is still uncommitted when HQ publishes: the publication waits for
        //    it, then counts the new person as open and is refused.
        String late = "race-" + World.suffix();
        CountDownLatch hired = new CountDownLatch(1);
        CountDownLatch commitHire = new CountDownLatch(1);
        Future<Object> hire = executor.submit(() -> TestCaller.onThread(
                a.manager,
                () -> inTransaction(() -> {
                    people.addEmployee(a.storeId, World.person(late));
                    hired.countDown();
                    await(commitHire);
                })));
        await(hired);
        Future<CharterVersion> publication =
                executor.submit(() -> TestCaller.onThread(a.hq, () -> rollouts.publish(version.getId(), null)));
        awaitSomeoneWaitingForALock();
        commitHire.countDown();
        hire.get(30, java.util.concurrent.TimeUnit.SECONDS);
        java.util.concurrent.ExecutionException refused = assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> publication.get(30, java.util.concurrent.TimeUnit.SECONDS));
        BusinessException blocked = (BusinessException) refused.getCause();
        assertEquals("error.rollout.blocked", blocked.getMessageKey());
        assertEquals("A1 (1)", blocked.getArguments()[0], "the new hire counted");
        sign(late);
        // 2. The publication takes its lock first and is still uncommitted when someone is hired: the hire waits,
        //    then finds the version published and is assigned it, due after the franchise's new-hire days.
        String later = "race2-" + World.suffix();
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch commitPublication = new CountDownLatch(1);
        Future<Object> publishing = executor.submit(() -> TestCaller.onThread(
                a.hq,
                () -> inTransaction(() -> {
                    rollouts.publish(version.getId(), null);
                    published.countDown();
                    await(commitPublication);
                })));
        await(published);
        Future<Object> secondHire = executor.submit(
                () -> TestCaller.onThread(a.manager, () -> people.addEmployee(a.storeId, World.person(later))));
        awaitSomeoneWaitingForALock();
        commitPublication.countDown();
        publishing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        secondHire.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(
                VersionStatus.PUBLISHED,
                as(a.hq, () -> charters.getVersion(version.getId())).getStatus());
        org.charter.service.rollout.MyAssignment assigned =
                as(later, acknowledgements::myAssignments).get(0);
        assertEquals(version.getId(), assigned.versionId());
        assertTrue(assigned.isOpen());
        assertEquals(LocalDate.now().plusDays(14), assigned.due());
    }

    // Evidence: the checker, the checkpoints and what the database refuses itself ---------------------------------

    @Test
    void anAuditRowChangedBehindTheApplicationOrTheNewestRowsDeletedAreReported() throws Exception {
        assertEquals(0, as(a.hq, audit::countBrokenLinks));
        assertEquals(
                List.of("2"),
                superuserStrings(
                        "select distinct hash_scheme::text from audit_entry where tenant_id = ?::uuid", a.franchiseId),
                "new rows are hashed with the canonical record");
        ChainHead head = as(a.hq, evidence::checkpoint).orElseThrow();
        assertEquals(64, head.head().length());
        // 1. the newest row rewritten, its hash recomputed with the canonical record: the chain alone is fine,
        //    the checkpoint's head is not
        superuser("update audit_entry set detail = 'rewritten', hash = encode(sha256(evidence_record('audit_entry/2',"
                + " prev_hash, tenant_id::text, id::text, seq::text, to_char(occurred_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), actor, action, subject_type, subject_id, 'rewritten')), 'hex')"
                + " where seq = " + newestAuditSeq(a));
        assertEquals(1, as(a.hq, audit::countBrokenLinks), "the checkpoint no longer matches the trail's head");
        assertEquals(0, as(b.hq, audit::countBrokenLinks), "the other franchise is untouched");
        // 2. the newest two rows deleted: every remaining link is intact, the checkpoint's count and head are not
        superuser("delete from audit_entry where seq = " + newestAuditSeq(a));
        superuser("delete from audit_entry where seq = " + newestAuditSeq(a));
        long findings = as(a.hq, audit::countBrokenLinks);
        assertEquals(1, findings, "the newest rows deleted show at the checkpoint");
        EvidenceCheck check = as(a.hq, evidence::check);
        assertEquals(1, check.auditBroken());
        assertTrue(!check.isIntact());
        // 3. an older row changed without its hash: that row's own hash shows it as well
        superuser("update audit_entry set actor = 'someone' where seq = (select min(seq) from audit_entry"
                + " where tenant_id = '" + a.franchiseId + "')");
        assertEquals(2, as(a.hq, audit::countBrokenLinks));
        assertTrue(as(b.hq, evidence::check).isIntact());
    }

    @Test
    void aSignatureOrQuizTryChangedRemovedOrSlippedInAfterACheckpointIsReported() throws Exception {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        Acknowledgement first = sign(a.employee);
        sign(a.manager);
        ChainHead head = as(a.hq, evidence::checkpoint).orElseThrow();
        EvidenceCheck intact = as(a.hq, evidence::check);
        assertTrue(intact.isIntact(), intact.toString());
        assertEquals(2, intact.acknowledgements());
        assertEquals(2, intact.attempts());
        assertEquals(0, intact.pending());
        assertEquals(head, intact.head());
        assertEquals(Optional.of(head), as(a.employee, evidence::head), "the receipt's chain head");
        assertThrows(AccessDeniedException.class, () -> as(a.employee, evidence::check));
        // changed: the signed name
        superuser("update acknowledgement set typed_name = 'Someone Else' where id = '" + first.getId() + "'");
        assertEquals(1, as(a.hq, evidence::check).acknowledgementsBroken());
        assertTrue(as(b.hq, evidence::check).isIntact(), "another franchise's check sees none of it");
        superuser("update acknowledgement set typed_name = '" + first.getTypedName() + "' where id = '" + first.getId()
                + "'");
        assertTrue(as(a.hq, evidence::check).isIntact(), "put back as it was, it matches again");
        // removed
        superuser("delete from acknowledgement where id = '" + first.getId() + "'");
        EvidenceCheck removed = as(a.hq, evidence::check);
        assertEquals(1, removed.acknowledgementsBroken());
        assertEquals(1, removed.acknowledgements());
        // slipped in: a row with an old transaction id lands inside the range the checkpoint covers
        superuser(
                "insert into acknowledgement (id, tenant_id, person_id, version_id, locale, content_sha256, statement,"
                        + " typed_name, auth_method, signed_at, recorded_xid) select gen_random_uuid(), tenant_id, '"
                        + a.employeeId + "'::uuid,"
                        + " version_id, locale, content_sha256, statement, typed_name, auth_method, signed_at, '3'::xid8"
                        + " from acknowledgement where tenant_id = '" + a.franchiseId + "' limit 1;"
                        + " update quiz_attempt set answers = answers || ';' where person_id = '" + a.managerId + "'");
        EvidenceCheck slipped = as(a.hq, evidence::check);
        assertEquals(1, slipped.acknowledgementsBroken(), slipped.toString());
        assertEquals(1, slipped.attemptsBroken(), slipped.toString());
        assertEquals(2, slipped.acknowledgements());
        // a checkpoint taken later covers only what is new: the changed ranges stay reported
        sign("emp2-" + a.hq.substring(3));
        as(a.hq, evidence::checkpoint);
        EvidenceCheck later = as(a.hq, evidence::check);
        assertEquals(1, later.acknowledgementsBroken(), later.toString());
        assertEquals(0, later.checkpointsBroken());
    }

    @Test
    void aSignatureStillOpenWhenACheckpointIsTakenIsCoveredByTheNextOne() throws Exception {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        passQuiz(a.employee);
        as(a.hq, evidence::checkpoint);
        CountDownLatch signed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Confirmation confirmation = signing(a.employee);
        Future<Object> signing = executor.submit(() -> TestCaller.onThread(
                a.employee,
                () -> inTransaction(() -> {
                    acknowledgements.sign(confirmation);
                    signed.countDown();
                    await(commit);
                })));
        await(signed);
        // the checkpoint neither waits for the signature nor takes it
        long started = System.nanoTime();
        as(a.hq, evidence::checkpoint);
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "a checkpoint does not wait for signers");
        commit.countDown();
        signing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        EvidenceCheck waiting = as(a.hq, evidence::check);
        assertTrue(waiting.isIntact(), waiting.toString());
        assertEquals(1, waiting.pending(), "the signature waits for the next checkpoint");
        ChainHead next = as(a.hq, evidence::checkpoint).orElseThrow();
        EvidenceCheck covered = as(a.hq, evidence::check);
        assertTrue(covered.isIntact(), covered.toString());
        assertEquals(0, covered.pending());
        assertEquals(1, covered.acknowledgements());
        assertEquals(next, covered.head());
    }

    @Test
    void theDatabaseRefusesACompletionWithoutSignatureAndRollUpWritesByTheApplication() throws Exception {
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        Exception unsigned = assertThrows(
                Exception.class,
                () -> probe.writeAs(
                        a.franchiseId,
                        "update assignment set status = 'COMPLETED', completed_at = now() where person_id = '"
                                + a.employeeId + "'"));
        assertTrue(Failures.causes(unsigned).contains("without its acknowledgement"), Failures.causes(unsigned));
        for (String sql : List.of(
                "update compliance_rollup set open = 0",
                "delete from compliance_rollup",
                "insert into compliance_rollup (tenant_id, store_id, version_id, required) select tenant_id, store_id,"
                        + " version_id, 0 from assignment limit 1",
                "truncate compliance_rollup")) {
            Exception refused = assertThrows(Exception.class, () -> probe.writeAs(a.franchiseId, sql), sql);
            assertTrue(Failures.causes(refused).contains("permission denied"), Failures.causes(refused));
        }
        // the roll-up's triggers run as the owner, with a fixed search path
        assertEquals(
                List.of(
                        "rollup_assignments true charter_owner search_path=pg_catalog, public",
                        "rollup_assignments_insert true charter_owner search_path=pg_catalog, public"),
                superuserStrings("select proname || ' ' || prosecdef || ' ' || pg_get_userbyid(proowner) || ' '"
                        + " || array_to_string(proconfig, ',') from pg_proc"
                        + " where proname in ('rollup_assignments', 'rollup_assignments_insert') order by proname"));
        // signing still completes, and the roll-up follows
        sign(a.employee);
        assertEquals(1, board(a).get("A1").completed());
        assertEquals(
                "COMPLETED",
                as(a.employee, acknowledgements::myAssignments).get(0).status());
    }

    @Test
    void rowsHashedTheOldWayStayVerifiableAndNoRowCanBeDowngraded() throws Exception {
        String lock = "select pg_advisory_lock(hashtextextended('evidence_checkpoint:' || '" + a.franchiseId + "', 0))";
        try (java.sql.Connection holder = superuserConnection();
                java.sql.Statement statement = holder.createStatement()) {
            statement.execute(lock); // no scheduled checkpoint of A while its trail is rewritten
            long taken = Long.parseLong(superuserStrings(
                            "select count(*)::text from evidence_checkpoint where tenant_id = ?::uuid", a.franchiseId)
                    .get(0));
            // A's trail as V1 wrote it: fields joined with '|', NULLs left out, every row scheme 1, and the
            // boundary of the old scheme moved past it (put back below)
            String boundary = superuserStrings("select legacy_until::text from audit_hash_boundary")
                    .get(0);
            superuser("update audit_hash_boundary set legacy_until = " + newestAuditSeq(a));
            superuser("do $$ declare r record; prev char(64) := repeat('0', 64); h char(64); begin"
                    + " for r in select * from audit_entry where tenant_id = '" + a.franchiseId + "' order by seq loop"
                    + " h := encode(sha256(convert_to(concat_ws('|', prev, r.tenant_id, r.id, r.seq,"
                    + " to_char(r.occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), r.actor, r.action,"
                    + " r.subject_type, r.subject_id, r.detail), 'UTF8')), 'hex');"
                    + " update audit_entry set prev_hash = prev, hash = h, hash_scheme = 1 where id = r.id;"
                    + " prev := h; end loop; end $$");
            // the next row is chained to the last old one, with the canonical record
            run(a.hq, () -> stores.createRegion("Later " + World.suffix()));
            assertEquals(
                    List.of("1", "2"),
                    superuserStrings(
                            "select distinct hash_scheme::text from audit_entry where tenant_id = ?::uuid order by 1",
                            a.franchiseId));
            assertEquals(taken, as(a.hq, audit::countBrokenLinks), "old and new rows check out");
            // the newest row passed off as an old one: refused, though its old-scheme hash is right
            long newest = newestAuditSeq(a);
            superuser("update audit_entry set hash_scheme = 1, hash = encode(sha256(convert_to(concat_ws('|',"
                    + " prev_hash, tenant_id, id, seq, to_char(occurred_at at time zone 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), actor, action, subject_type, subject_id, detail), 'UTF8')),"
                    + " 'hex') where seq = " + newest);
            assertEquals(taken + 1, as(a.hq, audit::countBrokenLinks));
            superuser("update audit_hash_boundary set legacy_until = " + boundary);
        }
    }

    private long newestAuditSeq(World world) throws Exception {
        return Long.parseLong(
                superuserStrings("select max(seq)::text from audit_entry where tenant_id = ?::uuid", world.franchiseId)
                        .get(0));
    }

    /** Statements as the database superuser with every ordinary trigger off, as someone behind the application. */
    private static void superuser(String sql) throws Exception {
        try (java.sql.Connection admin = superuserConnection();
                java.sql.Statement statement = admin.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute(sql);
        }
    }

    private static List<String> superuserStrings(String sql, Object... parameters) throws Exception {
        try (java.sql.Connection admin = superuserConnection();
                java.sql.PreparedStatement statement = admin.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static java.sql.Connection superuserConnection() throws java.sql.SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "postgres");
        String url =
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("charter.db.url", String.class);
        return new org.postgresql.Driver().connect(url, properties);
    }

    private Object inTransaction(Runnable work) {
        try {
            tx.begin();
            work.run();
            tx.commit();
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in a transaction that is then rolled back, as when a client's request fails late. */
    private Object rolledBack(Runnable work) {
        try {
            tx.begin();
            try {
                work.run();
            } finally {
                tx.rollback();
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, java.util.concurrent.TimeUnit.SECONDS), "timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until PostgreSQL shows a server process blocked on a lock: the other side has reached it. */
    private void awaitSomeoneWaitingForALock() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (probe.waitingForLocks() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nobody waited for a lock within 30 s");
    }

    private Map<String, StoreProgress> board(World world) {
        return as(world.hq, () -> rollouts.progress(version.getId())).stream()
                .collect(Collectors.toMap(StoreProgress::code, p -> p));
    }

    private Acknowledgement sign(String username) {
        passQuiz(username);
        Confirmation confirmation = signing(username);
        return as(username, () -> {
            acknowledgements.sign(confirmation);
            return acknowledgements.myTraining(version.getId(), Language.DE).signature();
        });
    }

    private void passQuiz(String username) {
        assertTrue(as(
                        username,
                        () -> acknowledgements.answer(
                                version.getId(),
                                Language.EN,
                                Drafts.ticks(acknowledgements.quiz(version.getId(), Language.EN), "Right")))
                .passed());
    }

    /** What the training page sends when {@code username} signs the version they were shown in German. */
    private Confirmation signing(String username) {
        return new Confirmation(
                version.getId(),
                Language.DE,
                shown(username, version.getId()),
                "Person " + username,
                "127.0.0.1",
                "RolloutIT");
    }

    private String shown(String username, String versionId) {
        return as(username, () -> acknowledgements.read(versionId, Language.DE)).sha256();
    }
}
