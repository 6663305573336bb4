package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.Account;
import org.charter.model.rollout.Acknowledgement;
import org.charter.service.charter.CharterService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.Issued;
import org.charter.service.people.PeopleService;
import org.charter.service.rollout.PersonProgress;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.Signatures.Confirmation;
import org.charter.service.rollout.StoreTrainingService;
import org.charter.service.security.DeviceConfirmation;
import org.charter.service.security.SignInOutcome;
import org.charter.service.security.SignInService;
import org.charter.service.sessions.SeatLine;
import org.charter.service.sessions.SessionForm;
import org.charter.service.sessions.SessionLine;
import org.charter.service.sessions.SessionService;
import org.charter.service.store.StoreService;
import org.charter.service.training.QuizService;
import org.charter.service.training.Reading;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Training sessions in a store: planning, seats, attendance, and signing on the manager's device. */
@ExtendWith(ArquillianExtension.class)
class SessionIT {

    private static final String PLATFORM = "it-platform";
    private static final String PASSWORD = "a long password 1";
    private static final String DEVICE = "manager's device";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forServices(SessionIT.class);
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
    QuizService quizzes;

    @Inject
    RolloutService rollouts;

    @Inject
    StoreTrainingService training;

    @Inject
    SessionService sessions;

    @Inject
    SignInService signIn;

    private World a;
    private World b;
    private CharterVersion version;

    @BeforeEach
    void aRolloutInTwoFranchises() {
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
        version = Drafts.readyForRollout(charters, quizzes, a);
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
    }

    @Test
    void aSessionIsPlannedOnTheStoresClockAndHoldsNoMoreThanItsSeats() {
        LocalDateTime tomorrowTen = LocalDate.now().plusDays(1).atTime(LocalTime.of(10, 0));
        String id = as(a.manager, () -> sessions.schedule(a.storeId, form(tomorrowTen, 2)))
                .getId();
        SessionLine line = as(a.manager, () -> sessions.line(id));
        assertEquals(ZoneId.of("Europe/Riga"), line.start().getZone(), "store A1 is in Riga; the franchise in Berlin");
        assertEquals(tomorrowTen, line.start().toLocalDateTime());
        assertEquals(
                tomorrowTen.atZone(ZoneId.of("Europe/Riga")).toInstant(),
                line.start().toInstant());
        assertEquals(version.getNumber(), line.versionNumber());
        List<String> everyone = as(a.manager, () -> sessions.invitable(id)).stream()
                .map(SeatLine::personId)
                .toList();
        assertEquals(3, everyone.size(), "the manager and the two staff of A1");
        BusinessException full =
                assertThrows(BusinessException.class, () -> run(a.manager, () -> sessions.invite(id, everyone)));
        assertEquals("error.session.full", full.getMessageKey());
        assertEquals(2L, ((Number) full.getArguments()[0]).longValue());
        assertTrue(as(a.manager, () -> sessions.seats(id)).isEmpty(), "a refused invitation writes nothing");
        run(a.manager, () -> sessions.invite(id, List.of(a.employeeId)));
        assertEquals(1, as(a.manager, () -> sessions.line(id)).invited());
        PersonProgress booked = as(a.manager, () -> training.people(version.getId(), a.storeId)).stream()
                .filter(p -> p.personId().equals(a.employeeId))
                .findFirst()
                .orElseThrow();
        assertEquals(tomorrowTen, booked.bookedSession(), "the board shows the booking on the store's clock");
        run(a.manager, () -> sessions.recordAttendance(id, Map.of(a.employeeId, false)));
        assertEquals(
                Boolean.FALSE, as(a.manager, () -> sessions.seats(id)).get(0).attended());
        // bad plans are refused with a reason
        for (Map.Entry<String, SessionForm> bad : Map.of(
                        "error.session.past",
                        form(LocalDateTime.now().minusDays(1), 5),
                        "error.session.capacity",
                        form(tomorrowTen, 0),
                        "error.session.duration",
                        new SessionForm(tomorrowTen, 2, "Back office", "Anna", 5),
                        "error.required",
                        new SessionForm(tomorrowTen, 45, " ", "Anna", 5))
                .entrySet()) {
            assertEquals(
                    bad.getKey(),
                    assertThrows(
                                    BusinessException.class,
                                    () -> run(a.manager, () -> sessions.schedule(a.storeId, bad.getValue())))
                            .getMessageKey(),
                    bad.getKey());
        }
        // dragged in the calendar to the day after, 14:00 on the store's clock: moved, invitations kept
        LocalDateTime later = tomorrowTen.plusDays(1).withHour(14);
        run(a.manager, () -> sessions.move(id, later));
        SessionLine moved = as(a.manager, () -> sessions.line(id));
        assertEquals(later, moved.start().toLocalDateTime());
        assertEquals(45, moved.durationMinutes(), "length, place and seats stay");
        assertEquals(1, moved.invited());
        assertEquals(
                "error.session.past",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.manager,
                                        () -> sessions.move(
                                                id, LocalDateTime.now().minusDays(1))))
                        .getMessageKey(),
                "a move into the past is refused like the form's");
        assertEquals(later, as(a.manager, () -> sessions.line(id)).start().toLocalDateTime(), "and changes nothing");
    }

    @Test
    void peopleSignOnTheManagersDeviceWithTheirOwnPin() {
        String username = "pin-" + World.suffix();
        Issued issued = as(a.manager, () -> people.addEmployee(a.storeId, World.person(username)));
        signIn.choosePassword(username, issued.code(), PASSWORD);
        assertEquals(
                "error.pin.format",
                assertThrows(
                                BusinessException.class,
                                () -> signIn.choosePin(username, PASSWORD, "1111", generation(username)))
                        .getMessageKey());
        assertEquals(
                "error.pin.password",
                assertThrows(
                                BusinessException.class,
                                () -> signIn.choosePin(username, "wrong password", "4826", generation(username)))
                        .getMessageKey());
        signIn.choosePin(username, PASSWORD, "4826", generation(username));
        String id = as(
                        a.manager,
                        () -> sessions.schedule(
                                a.storeId, form(LocalDate.now().plusDays(1).atTime(9, 30), 10)))
                .getId();
        run(a.manager, () -> sessions.invite(id, List.of(issued.personId())));
        // what the manager's device sends: the text it showed the person, in their language
        Reading shown = as(a.manager, () -> sessions.reading(id, issued.personId()));
        Confirmation signing = new Confirmation(
                version.getId(), shown.language(), shown.sha256(), "Person " + username, "127.0.0.1", "SessionIT");
        String accountId = as(a.manager, () -> sessions.accountToConfirm(id, issued.personId()));
        // the sign-in password never confirms on a shared device, and a guess gets the same silence
        assertTrue(signIn.confirmPin(accountId, PASSWORD, DEVICE).isEmpty(), "a password is no PIN");
        assertTrue(signIn.confirmPin(accountId, "1234", DEVICE).isEmpty());
        // without a confirmation of their own the device can neither take the quiz nor sign for them
        assertEquals(
                "error.session.secret",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.manager,
                                        () -> sessions.answer(
                                                id,
                                                issued.personId(),
                                                null,
                                                Drafts.ticks(sessions.quiz(id, issued.personId()), "Right"))))
                        .getMessageKey());
        DeviceConfirmation confirmed =
                signIn.confirmPin(accountId, "4826", DEVICE).orElseThrow();
        // the quiz comes first, on the same device
        assertEquals(
                "error.ack.quizFirst",
                assertThrows(
                                BusinessException.class,
                                () -> run(a.manager, () -> sessions.sign(id, issued.personId(), confirmed, signing)))
                        .getMessageKey());
        assertTrue(as(
                        a.manager,
                        () -> sessions.answer(
                                id,
                                issued.personId(),
                                confirmed,
                                Drafts.ticks(sessions.quiz(id, issued.personId()), "Right")))
                .passed());
        // someone seated but not invited to sign as this person: their confirmation does not cover them
        String other = "pw-" + World.suffix();
        Issued second = as(a.manager, () -> people.addEmployee(a.storeId, World.person(other)));
        signIn.choosePassword(other, second.code(), PASSWORD);
        assertThrows(
                NotFoundException.class,
                () -> run(a.manager, () -> sessions.accountToConfirm(id, second.personId())),
                "only people seated in the session confirm on its device");
        run(a.manager, () -> sessions.invite(id, List.of(second.personId())));
        String secondAccount = as(a.manager, () -> sessions.accountToConfirm(id, second.personId()));
        assertTrue(signIn.confirmPin(secondAccount, PASSWORD, DEVICE).isEmpty(), "no PIN, no signing on a device");
        assertEquals(
                "error.session.secret",
                assertThrows(
                                BusinessException.class,
                                () -> run(a.manager, () -> sessions.sign(id, second.personId(), confirmed, signing)))
                        .getMessageKey());
        Acknowledgement signed = as(a.manager, () -> sessions.sign(id, issued.personId(), confirmed, signing));
        assertEquals("SESSION_PIN", signed.getAuthMethod());
        assertEquals(id, signed.getSessionId());
        SeatLine seat = as(a.manager, () -> sessions.seats(id)).stream()
                .filter(line -> line.personId().equals(issued.personId()))
                .findFirst()
                .orElseThrow();
        assertTrue(seat.isSigned());
        assertEquals(Boolean.TRUE, seat.attended(), "signing in the session marks the person as present");
        assertEquals(1, as(a.manager, () -> sessions.line(id)).signed());
        // one device gets five tries at one person's PIN, then one per ten minutes: then even the right PIN is not
        // taken, with the same answer; on another device the person is not locked out
        for (int i = 0; i < 5; i++) {
            assertTrue(signIn.confirmPin(accountId, "90" + (10 + i), DEVICE).isEmpty());
        }
        assertTrue(signIn.confirmPin(accountId, "4826", DEVICE).isEmpty(), "this device must wait; it is not told");
        assertTrue(
                signIn.confirmPin(accountId, "4826", "another manager's device").isPresent());
    }

    @Test
    void aBurstOfParallelGuessesGetsOnlyTheFreeChecksAndTheAccountRecoversByItself() throws Exception {
        String username = "burst-" + World.suffix();
        Issued issued = as(a.manager, () -> people.addEmployee(a.storeId, World.person(username)));
        signIn.choosePassword(username, issued.code(), PASSWORD);
        Map<SignInOutcome.Result, Integer> fromOne = burst(username, 20, i -> "192.0.2.10");
        assertEquals(
                Map.of(SignInOutcome.Result.WRONG_CREDENTIALS, 5, SignInOutcome.Result.MUST_WAIT, 15),
                fromOne,
                "twenty parallel guesses from one address: five checked, fifteen refused unchecked");
        assertEquals(5, sql("select failed_attempts from account where username = ?", username));
        assertEquals(
                SignInOutcome.Result.MUST_WAIT,
                signIn.signIn(username, PASSWORD, "192.0.2.10").result(),
                "from that address even the right password waits");
        assertEquals(
                SignInOutcome.Result.SIGNED_IN,
                signIn.signIn(username, PASSWORD, "198.51.100.1").result(),
                "one address guessing does not lock the person out elsewhere");
        // guesses from many addresses at once meet the account's own ceiling, counted under its row lock
        Map<SignInOutcome.Result, Integer> fromMany = burst(username, 30, i -> "203.0.113." + (i % 10));
        assertEquals(
                Map.of(
                        SignInOutcome.Result.WRONG_CREDENTIALS,
                        Account.FREE_ATTEMPTS,
                        SignInOutcome.Result.MUST_WAIT,
                        10),
                fromMany,
                "thirty guesses from ten addresses: the account's twenty checked, ten refused");
        assertEquals(Account.FREE_ATTEMPTS, sql("select failed_attempts from account where username = ?", username));
        assertEquals(
                SignInOutcome.Result.MUST_WAIT,
                signIn.signIn(username, PASSWORD, "198.51.100.2").result(),
                "past the ceiling the account waits, wherever the right password comes from");
        // an hour later (the clock moved back on the row rather than the test waiting): the failures are forgiven
        sql(
                "update account set locked_until = now() - interval '1 second',"
                        + " last_failed_at = now() - interval '1 hour' where username = ?",
                username);
        assertEquals(
                SignInOutcome.Result.SIGNED_IN,
                signIn.signIn(username, PASSWORD, "198.51.100.2").result());
        assertEquals(0, sql("select failed_attempts from account where username = ?", username));
        // an unknown name costs the same check and gets the same answer as a wrong password
        long known = System.nanoTime();
        assertEquals(
                SignInOutcome.Result.WRONG_CREDENTIALS,
                signIn.signIn(username, "not it", "198.51.100.3").result());
        known = System.nanoTime() - known;
        long unknown = System.nanoTime();
        assertEquals(
                SignInOutcome.Result.WRONG_CREDENTIALS,
                signIn.signIn("nobody-" + World.suffix(), "not it", "198.51.100.3")
                        .result());
        unknown = System.nanoTime() - unknown;
        System.out.printf("wrong password %d ms, unknown username %d ms%n", known / 1_000_000, unknown / 1_000_000);
    }

    /** {@code count} wrong guesses at once, from the addresses {@code from} gives for each. */
    private Map<SignInOutcome.Result, Integer> burst(
            String username, int count, java.util.function.IntFunction<String> from) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(count);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<SignInOutcome>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String guess = "wrong guess " + i;
            String address = from.apply(i);
            guesses.add(pool.submit(() -> {
                start.await();
                return signIn.signIn(username, guess, address);
            }));
        }
        start.countDown();
        Map<SignInOutcome.Result, Integer> outcomes = new java.util.EnumMap<>(SignInOutcome.Result.class);
        for (var guess : guesses) {
            outcomes.merge(guess.get(60, java.util.concurrent.TimeUnit.SECONDS).result(), 1, Integer::sum);
        }
        pool.shutdown();
        return outcomes;
    }

    private int generation(String username) {
        return signIn.credentialGeneration(username).orElseThrow();
    }

    /** A statement as the database's superuser, around the application: returns the first column or the count. */
    private static int sql(String statement, String parameter) throws java.sql.SQLException {
        String url =
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("charter.db.url", String.class);
        try (var db = java.sql.DriverManager.getConnection(url, "postgres", "");
                var query = db.prepareStatement(statement)) {
            query.setString(1, parameter);
            if (!query.execute()) {
                return query.getUpdateCount();
            }
            try (var rows = query.getResultSet()) {
                return rows.next() ? rows.getInt(1) : -1;
            }
        }
    }

    @Test
    void aManagerSeesOnlyTheirOwnStoresSessionsAndOtherFranchisesSeeNone() {
        String inB1 = as(
                        a.hq,
                        () -> sessions.schedule(
                                a.otherStoreId, form(LocalDate.now().plusDays(2).atTime(8, 0), 5)))
                .getId();
        String inA1 = as(
                        a.manager,
                        () -> sessions.schedule(
                                a.storeId, form(LocalDate.now().plusDays(2).atTime(8, 0), 5)))
                .getId();
        List<String> mine = as(a.manager, () -> sessions.calendar(OffsetDateTime.now())).stream()
                .map(SessionLine::id)
                .toList();
        assertEquals(List.of(inA1), mine);
        assertEquals(2, as(a.hq, () -> sessions.calendar(OffsetDateTime.now())).size());
        List<Supplier<?>> onB1 = List.of(
                () -> sessions.line(inB1),
                () -> sessions.seats(inB1),
                () -> sessions.invitable(inB1),
                () -> {
                    sessions.invite(inB1, List.of(a.otherStoreEmployeeId));
                    return null;
                },
                () -> {
                    sessions.cancel(inB1);
                    return null;
                },
                () -> sessions.move(inB1, LocalDate.now().plusDays(3).atTime(9, 0)));
        for (Supplier<?> call : onB1) {
            assertThrows(NotFoundException.class, () -> as(a.manager, call), "another store's session");
            assertThrows(NotFoundException.class, () -> as(b.hq, call), "another franchise's session");
        }
        assertThrows(
                NotFoundException.class,
                () -> run(a.manager, () -> sessions.invite(inA1, List.of(a.otherStoreEmployeeId))),
                "people of another store cannot be invited");
        assertThrows(
                NotFoundException.class,
                () -> run(
                        b.hq,
                        () -> sessions.schedule(
                                a.storeId, form(LocalDate.now().plusDays(1).atTime(8, 0), 5))));
        assertThrows(AccessDeniedException.class, () -> run(a.employee, () -> sessions.calendar(OffsetDateTime.now())));
        assertTrue(as(b.hq, () -> sessions.calendar(OffsetDateTime.now())).isEmpty());
        // the people still to train beside the calendar: the manager's store only, never another franchise's
        List<PersonProgress> open = as(a.manager, () -> training.stillOpen(50));
        assertFalse(open.isEmpty());
        assertTrue(open.stream().allMatch(p -> p.storeCode().equals("A1")), open.toString());
        assertTrue(as(a.hq, () -> training.stillOpen(50)).stream()
                .anyMatch(p -> p.personId().equals(a.otherStoreEmployeeId)));
        assertTrue(as(b.hq, () -> training.stillOpen(50)).stream()
                .noneMatch(p -> p.personId().equals(a.employeeId)));
        run(a.manager, () -> sessions.cancel(inA1));
        assertTrue(as(a.manager, () -> sessions.line(inA1)).cancelled());
        assertEquals(
                "error.session.cancelled",
                assertThrows(
                                BusinessException.class,
                                () -> run(a.manager, () -> sessions.invite(inA1, List.of(a.employeeId))))
                        .getMessageKey());
        assertEquals(
                "error.session.cancelled",
                assertThrows(
                                BusinessException.class,
                                () -> run(
                                        a.manager,
                                        () -> sessions.move(
                                                inA1,
                                                LocalDate.now().plusDays(3).atTime(9, 0))))
                        .getMessageKey());
        assertFalse(as(a.manager, () -> sessions.seats(inA1)).stream()
                .anyMatch(s -> s.personId().equals(a.employeeId)));
        assertNull(as(a.manager, () -> training.people(version.getId(), a.storeId)).stream()
                .filter(p -> p.personId().equals(a.employeeId))
                .findFirst()
                .orElseThrow()
                .bookedSession());
    }

    private static SessionForm form(LocalDateTime start, int capacity) {
        return new SessionForm(start, 45, "Back office", "Anna Trainer", capacity);
    }
}
