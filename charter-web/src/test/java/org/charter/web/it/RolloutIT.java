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
import org.charter.service.charter.CharterService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.PeopleService;
import org.charter.service.publication.PublishedCharterService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.Signatures.Signing;
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
    private static final String STATEMENT = "I have read this charter and will keep it.";

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
        List<Future<Acknowledgement>> submissions = new ArrayList<>();
        TestCaller.run(a.employee, () -> {
            for (int i = 0; i < 20; i++) {
                submissions.add(executor.submit(() -> {
                    start.await();
                    return acknowledgements.sign(signing(a.employee));
                }));
            }
            start.countDown();
            try {
                List<String> ids = new ArrayList<>();
                for (Future<Acknowledgement> submission : submissions) {
                    ids.add(submission.get().getId());
                }
                assertEquals(1, ids.stream().distinct().count(), "every submission got the one signature: " + ids);
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
        assertEquals(64, signed.getContentSha256().length());
        assertEquals("de", signed.getLocale());
        assertEquals(STATEMENT, signed.getStatement());
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
                                        () -> acknowledgements.sign(new Signing(
                                                version.getId(),
                                                Language.DE,
                                                STATEMENT,
                                                "Not Me",
                                                "127.0.0.1",
                                                "test",
                                                "PASSWORD"))))
                        .getMessageKey());
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
                () -> run(a.employee, () -> acknowledgements.sign(signing(a.employee, foreign.getId()))));
        assertThrows(
                AccessDeniedException.class,
                () -> run(
                        a.manager,
                        () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30))));
        assertThrows(AccessDeniedException.class, () -> run(a.employee, () -> rollouts.progress(version.getId())));
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
        return as(username, () -> acknowledgements.sign(signing(username)));
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

    private Signing signing(String username) {
        return signing(username, version.getId());
    }

    private static Signing signing(String username, String versionId) {
        return new Signing(
                versionId, Language.DE, STATEMENT, "Person " + username, "127.0.0.1", "RolloutIT", "PASSWORD");
    }
}
