package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.franchise.ReminderTimings;
import org.charter.service.charter.CharterService;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.notice.Deliveries;
import org.charter.service.notice.DeliveryLine;
import org.charter.service.notice.DeliveryService;
import org.charter.service.notice.MailDispatcher;
import org.charter.service.notice.NoticeKind;
import org.charter.service.notice.NoticeLine;
import org.charter.service.notice.NoticeService;
import org.charter.service.notice.NoticeText;
import org.charter.service.people.PeopleService;
import org.charter.service.people.PersonForm;
import org.charter.service.review.ReviewService;
import org.charter.service.review.ReviewStatus;
import org.charter.service.rollout.RolloutService;
import org.charter.service.sessions.SessionForm;
import org.charter.service.sessions.SessionService;
import org.charter.service.store.StoreService;
import org.charter.service.training.QuizService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reminders and their mail against a real SMTP server: once each, in the reader's language, at the local hour of
 * the reader's store across a change to summer time, once after downtime, once when dispatchers race or one dies
 * holding its lease, and nothing lost while the server refuses. Time is chosen by each test: the schedule is off.
 */
@ExtendWith(ArquillianExtension.class)
class ReminderIT {

    private static final String PLATFORM = "it-platform";

    /** The week Riga and Berlin move to summer time: Sunday 28 March 2027, 03:00 in Riga, 02:00 in Berlin. */
    private static final LocalDate DEADLINE = LocalDate.of(2027, 3, 31);

    @Deployment
    static WebArchive deployment() {
        return Deployments.forMail(ReminderIT.class);
    }

    @Inject
    Fixtures fixtures;

    @Inject
    MailFixtures mail;

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
    Deliveries deliveries;

    @Inject
    MailDispatcher dispatcher;

    @Inject
    NoticeService notices;

    @Inject
    DeliveryService deliveryService;

    @Inject
    ReviewService reviews;

    @Inject
    SessionService sessions;

    @Inject
    org.charter.service.database.DatabaseClock databaseClock;

    private World a;
    private String ilze;
    private String ilzeAddress;
    private String hans;
    private String hansAddress;

    @BeforeEach
    void aFranchiseWithPeopleWhoHaveAddresses() {
        MailBox.start();
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        String s = World.suffix();
        ilzeAddress = "ilze-" + s + "@example.test";
        hansAddress = "hans-" + s + "@example.test";
        // store A1 is in Riga, B1 in Berlin
        ilze = as(
                        a.manager,
                        () -> people.addEmployee(
                                a.storeId, form("Ilze Bērziņa", "ilze-" + s, Language.LV, ilzeAddress)))
                .personId();
        hans = as(
                        a.hq,
                        () -> people.addEmployee(
                                a.otherStoreId, form("Hans Weber", "hans-" + s, Language.DE, hansAddress)))
                .personId();
    }

    @AfterEach
    void serverBackUp() {
        MailBox.start();
    }

    @Test
    void theRolloutMailArrivesOnceInTheReadersLanguageWithAStableMessageId() throws Exception {
        startRollout();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        MailDispatcher.Round round = dispatch(now);
        assertEquals(2, round.sent(), "Ilze and Hans have addresses; nobody else in the franchise has one");
        assertEquals(0, dispatch(now.plusMinutes(1)).claimed(), "nothing is sent twice");

        MimeMessage latvian = only(MailBox.to(ilzeAddress));
        assertEquals("lv", latvian.getHeader("Content-Language", null));
        String params = "{\"version\":\"2\",\"due\":\"2027-03-31\"}";
        String inLatvian = NoticeText.title(NoticeKind.TRAINING_ASSIGNED, params, Locale.forLanguageTag("lv"));
        assertNotEquals(
                NoticeText.title(NoticeKind.TRAINING_ASSIGNED, params, Locale.ENGLISH), inLatvian, "translated");
        assertTrue(latvian.getSubject().startsWith(inLatvian.substring(0, 10)), latvian.getSubject());
        String text = textOf(latvian);
        assertTrue(text.contains("2027"), text);
        assertTrue(text.contains("/app/training.xhtml"), "links to the training");
        assertEquals("de", only(MailBox.to(hansAddress)).getHeader("Content-Language", null));

        NoticeLine notice = as(ilzeUsername(), notices::inbox).get(0);
        assertEquals(NoticeKind.TRAINING_ASSIGNED, notice.kind());
        assertEquals("<" + notice.id() + "@localhost>", latvian.getMessageID(), "the Message-ID is the notice's own");
        assertEquals("SENT", notice.mailStatus());
    }

    @Test
    void theDueReminderComesAtNineOnTheStoresClockOnTheDayItMovesToSummerTime() throws Exception {
        startRollout();
        dispatch(OffsetDateTime.now(ZoneOffset.UTC));
        MailBox.clear();
        // three days before 31 March: Sunday 28 March, the day Riga moves from +02:00 to +03:00 at 03:00
        plan(at("2027-03-28T05:59:00Z"));
        assertEquals(0, kinds(ilze, NoticeKind.ASSIGNMENT_DUE), "08:59 in Riga: not yet");
        plan(at("2027-03-28T06:00:00Z"));
        assertEquals(1, kinds(ilze, NoticeKind.ASSIGNMENT_DUE), "09:00 in Riga, summer time");
        assertEquals(0, kinds(hans, NoticeKind.ASSIGNMENT_DUE), "08:00 in Berlin: not yet");
        plan(at("2027-03-28T06:30:00Z"));
        plan(at("2027-03-28T07:00:00Z"));
        assertEquals(1, kinds(ilze, NoticeKind.ASSIGNMENT_DUE), "planned again and again, written once");
        assertEquals(1, kinds(hans, NoticeKind.ASSIGNMENT_DUE), "09:00 in Berlin, summer time");

        dispatch(at("2027-03-28T07:00:00Z"));
        dispatch(at("2027-03-28T07:05:00Z"));
        assertEquals(1, MailBox.to(ilzeAddress).size());
        assertEquals(1, MailBox.to(hansAddress).size());
        assertEquals("lv", MailBox.to(ilzeAddress).get(0).getHeader("Content-Language", null));
    }

    @Test
    void afterThreeWeeksOfDowntimeTheOverdueReminderGoesOutOnceNotOncePerMissedWeek() throws Exception {
        startRollout();
        dispatch(OffsetDateTime.now(ZoneOffset.UTC));
        MailBox.clear();
        // nothing ran from before the due day until the morning after it: the overdue notice replaces the due one
        plan(at("2027-04-01T06:00:00Z"));
        assertEquals(0, kinds(ilze, NoticeKind.ASSIGNMENT_DUE));
        assertEquals(1, kinds(ilze, NoticeKind.ASSIGNMENT_OVERDUE));
        dispatch(at("2027-04-01T06:01:00Z"));
        assertEquals(1, MailBox.to(ilzeAddress).size());

        // everything down for three weeks; three weekly slots passed
        plan(at("2027-04-22T10:00:00Z"));
        plan(at("2027-04-22T10:01:00Z"));
        assertEquals(2, kinds(ilze, NoticeKind.ASSIGNMENT_OVERDUE), "one more, not three");
        dispatch(at("2027-04-22T10:02:00Z"));
        assertEquals(2, MailBox.to(ilzeAddress).size());
        // a week later the weekly reminder goes on
        plan(at("2027-04-29T06:00:00Z"));
        assertEquals(3, kinds(ilze, NoticeKind.ASSIGNMENT_OVERDUE));
    }

    @Test
    void theSessionReminderComesTheDayBeforeAtNineInTheStoresZoneWithItsCalendarFile() throws Exception {
        startRollout();
        dispatch(OffsetDateTime.now(ZoneOffset.UTC));
        MailBox.clear();
        java.time.ZoneId riga = java.time.ZoneId.of("Europe/Riga");
        LocalDate day = LocalDate.now(riga).plusDays(10);
        String sessionId = as(
                        a.manager,
                        () -> sessions.schedule(
                                a.storeId, new SessionForm(day.atTime(10, 30), 45, "Back office", "Anna Trainer", 4)))
                .getId();
        run(a.manager, () -> sessions.invite(sessionId, List.of(ilze)));
        OffsetDateTime nineTheDayBefore =
                day.minusDays(1).atTime(9, 0).atZone(riga).toOffsetDateTime();
        plan(nineTheDayBefore.minusMinutes(1));
        assertEquals(0, kinds(ilze, NoticeKind.SESSION_TOMORROW));
        plan(nineTheDayBefore);
        plan(nineTheDayBefore.plusHours(3));
        assertEquals(1, kinds(ilze, NoticeKind.SESSION_TOMORROW));
        dispatch(nineTheDayBefore.plusHours(3));

        MimeMessage reminder = only(MailBox.to(ilzeAddress));
        assertEquals("lv", reminder.getHeader("Content-Language", null));
        String ics = calendarOf(reminder);
        assertTrue(ics.contains("BEGIN:VEVENT"), ics);
        assertTrue(ics.contains("LOCATION:Back office"), ics);
        assertTrue(
                ics.replace("\r\n ", "")
                        .contains("TZID=Europe/Riga:" + day.toString().replace("-", "") + "T103000"),
                ics);
        assertTrue(textOf(reminder).contains("10:30"), "the time on the store's clock");
    }

    @Test
    void someoneHiredDuringTheRolloutHearsOfItFromTheNextRound() {
        startRollout();
        String hired = as(
                        a.manager,
                        () -> people.addEmployee(
                                a.storeId, form("Jānis Jauns", "janis-" + World.suffix(), Language.LV, null)))
                .personId();
        assertEquals(0, kinds(hired, NoticeKind.TRAINING_ASSIGNED), "the rollout's own notices came before the hire");
        plan(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1));
        assertEquals(1, kinds(hired, NoticeKind.TRAINING_ASSIGNED));
        assertEquals(1, kinds(ilze, NoticeKind.TRAINING_ASSIGNED), "the rollout's people are not told twice");
    }

    @Test
    void theSchedulesClockMovesOutsideATransaction() throws Exception {
        // the schedule asks the database for the time before each claim, outside any transaction; now() there
        // is the start of whatever transaction the pooled connection is in, and once stood still for minutes
        OffsetDateTime first = databaseClock.current();
        plan(first);
        Thread.sleep(20);
        assertTrue(databaseClock.current().isAfter(first));
    }

    @Test
    void twoDispatchersRacingForAThousandDueMailsSendEachExactlyOnce() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        mail.queue(a.franchiseId, a.employeeId, 1000, "race", now.minusMinutes(1));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<MailDispatcher.Round>> rounds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<MailDispatcher.Round> racer = () -> dispatcher.dispatch(a.franchiseId, () -> now);
                rounds.add(two.submit(racer));
            }
            int sent = 0;
            for (Future<MailDispatcher.Round> round : rounds) {
                sent += round.get().sent();
            }
            assertEquals(1000, sent);
        } finally {
            two.shutdownNow();
        }
        List<MimeMessage> received = MailBox.received();
        assertEquals(1000, received.size());
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : received) {
            ids.add(message.getMessageID());
        }
        assertEquals(1000, ids.size(), "every Message-ID once");
        assertEquals(List.of("SENT=1000"), statuses());
        assertEquals(0, mail.sentTwice(a.franchiseId));
    }

    @Test
    void aDispatcherThatDiedHoldingItsLeaseHasItsMailsTakenOverAndSentOnce() {
        OffsetDateTime t = at("2027-01-10T12:00:00Z");
        mail.queue(a.franchiseId, a.employeeId, 10, "lease", t);
        // the first dispatcher claims the ten, then dies before sending (its lease is 300 s)
        Deliveries.Claim dead = deliveries.claim(a.franchiseId, t, 50, 300);
        assertEquals(10, dead.mails().size());
        assertEquals(0, dispatch(t.plusSeconds(60)).claimed(), "leased: nobody else takes them yet");
        MailDispatcher.Round takeover = dispatch(t.plusSeconds(301));
        assertEquals(10, takeover.sent(), "the lease ran out: taken over");
        assertEquals(10, MailBox.received().size());
        // had it only been slow, its late answers change nothing
        int late = deliveries.record(
                a.franchiseId,
                t.plusSeconds(400),
                dead.token(),
                dead.mails().stream()
                        .map(m -> new Deliveries.Outcome(m.noticeId(), true, "250 late"))
                        .toList(),
                new Deliveries.RetryPolicy(3, 60, 90));
        assertEquals(0, late);
        assertEquals(0, mail.sentTwice(a.franchiseId));
        assertEquals(0, dispatch(t.plusSeconds(1000)).claimed());
    }

    @Test
    void aServerThatRefusesLeadsToRetriesThenAVisibleFailureThenSendAgainLosesNothing() throws Exception {
        OffsetDateTime t = at("2027-02-01T08:00:00Z");
        mail.queue(a.franchiseId, a.employeeId, 3, "refused", t);
        MailBox.stop();
        assertEquals(3, dispatch(t).refused());
        assertEquals(0, dispatch(t.plusSeconds(30)).claimed(), "the next attempt waits 60 s");
        assertEquals(3, dispatch(t.plusSeconds(61)).refused(), "second attempt");
        assertEquals(0, dispatch(t.plusSeconds(61 + 80)).claimed(), "then 90 s (120 s, capped)");
        assertEquals(3, dispatch(t.plusSeconds(61 + 91)).refused(), "third and last attempt");
        assertEquals(List.of("FAILED=3"), statuses());

        List<DeliveryLine> failed = as(a.hq, deliveryService::troubled);
        assertEquals(3, failed.size());
        DeliveryLine line = failed.get(0);
        assertEquals("FAILED", line.status());
        assertEquals(3, line.attempts());
        assertEquals(
                List.of("RETRY", "RETRY", "FAILED"),
                line.events().stream().map(DeliveryLine.Event::event).toList());
        assertFalse(line.lastAnswer().isBlank(), "what went wrong is shown");
        assertEquals(3, as(a.hq, deliveryService::failedCount));

        MailBox.start();
        for (DeliveryLine each : failed) {
            run(a.hq, () -> deliveryService.sendAgain(each.id()));
        }
        BusinessException twice =
                assertThrows(BusinessException.class, () -> run(a.hq, () -> deliveryService.sendAgain(line.id())));
        assertEquals("error.delivery.notFailed", twice.getMessageKey());
        assertEquals(3, dispatcher.dispatch(a.franchiseId, OffsetDateTime::now).sent());
        assertEquals(3, MailBox.received().size());
        assertEquals(List.of("SENT=3"), statuses());
        assertTrue(as(a.hq, deliveryService::troubled).isEmpty());
    }

    @Test
    void theInboxIsOnesOwnAndAnotherFranchisesIdsAreNotFound() {
        World b = World.build(franchises, stores, people, PLATFORM);
        startRollout();
        List<NoticeLine> mine = as(ilzeUsername(), notices::inbox);
        assertEquals(1, mine.size());
        assertEquals(1, as(ilzeUsername(), notices::unreadCount));
        assertEquals(
                "/app/training.xhtml",
                as(ilzeUsername(), () -> notices.open(mine.get(0).id())));
        assertEquals(0, as(ilzeUsername(), notices::unreadCount));
        assertTrue(as(a.employee, notices::inbox).stream()
                .noneMatch(n -> n.id().equals(mine.get(0).id())));

        assertThrows(
                NotFoundException.class,
                () -> as(a.employee, () -> notices.open(mine.get(0).id())),
                "a colleague's");
        assertThrows(
                NotFoundException.class,
                () -> as(b.employee, () -> notices.open(mine.get(0).id())),
                "another franchise's");
        assertThrows(NotFoundException.class, () -> as(b.employee, () -> notices.open("not-an-id")));
        String delivery = mail.mailedNoticeIds(a.franchiseId).get(0);
        assertThrows(NotFoundException.class, () -> run(b.hq, () -> deliveryService.sendAgain(delivery)));
        assertTrue(as(b.hq, deliveryService::troubled).isEmpty());
    }

    @Test
    void optionalNoticesStayInTheInboxForThoseWhoChoseSoMandatoryOnesStillGoByMail() {
        startRollout();
        String s = World.suffix();
        String mara = "mara-" + s;
        String maraId = as(
                        a.hq,
                        () -> people.appointManager(
                                form("Mara Manager", mara, Language.EN, "mara-" + s + "@example.test"),
                                List.of(a.otherStoreId)))
                .personId();
        String mikusId = as(
                        a.hq,
                        () -> people.appointManager(
                                form("Mikus Manager", "mikus-" + s, Language.LV, "mikus-" + s + "@example.test"),
                                List.of(a.storeId)))
                .personId();
        // Mara and Hans keep optional notices to their inbox; the weekly digest is optional
        run(mara, () -> notices.chooseOptionalByMail(false));
        run(hansUsername(), () -> notices.chooseOptionalByMail(false));
        assertFalse(as(mara, notices::optionalByMail));
        // Monday 1 February 2027, 09:00 in Berlin and 10:00 in Riga: the managers' digest day
        plan(at("2027-02-01T08:00:00Z"));
        assertEquals(List.of("MANAGER_DIGEST/inbox only"), digests(maraId));
        assertEquals(List.of("MANAGER_DIGEST/QUEUED"), digests(mikusId));
        assertEquals(List.of("MANAGER_DIGEST/inbox only"), digests(a.managerId), "no address: the inbox only");
        plan(at("2027-02-03T08:00:00Z"));
        assertEquals(1, digests(mikusId).size(), "one digest a week");
        plan(at("2027-02-08T08:00:00Z"));
        assertEquals(2, digests(mikusId).size(), "and the next week's");
        // the training reminder is mandatory: by mail even for Hans, who opted out of optional ones
        plan(at("2027-03-28T07:00:00Z"));
        assertEquals(
                List.of("QUEUED"),
                mail.notices(a.franchiseId, hans).stream()
                        .filter(n -> n[0].equals("ASSIGNMENT_DUE"))
                        .map(n -> String.valueOf(n[2]))
                        .toList());
    }

    private List<String> digests(String personId) {
        return mail.notices(a.franchiseId, personId).stream()
                .filter(n -> n[0].equals("MANAGER_DIGEST"))
                .map(n -> n[0] + "/" + (n[2] == null ? "inbox only" : n[2]))
                .toList();
    }

    @Test
    void aReviewIsDueOneIntervalAfterPublicationAndRecordingItMovesTheDueDate() {
        CharterVersion version = Drafts.frozenVersion(charters, a);
        fixtures.publish(a.franchiseId, version.getId(), LocalDate.of(2026, 1, 15));
        ReviewStatus status = as(a.hq, reviews::status);
        assertTrue(status.inForce());
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        LocalDate due = status.dueDate();
        assertEquals(
                status.publishedAt().atZoneSameInstant(berlin).toLocalDate().plusMonths(12), due);
        assertEquals(12, status.intervalMonths());

        BusinessException empty =
                assertThrows(BusinessException.class, () -> run(a.hq, () -> reviews.recordNoChange("  ")));
        assertEquals("error.review.noteRequired", empty.getMessageKey());

        // thirty days before, at 09:00 in Berlin (the franchise's zone): HQ hear of it
        OffsetDateTime before = due.minusDays(30).atTime(9, 0).atZone(berlin).toOffsetDateTime();
        plan(before.minusMinutes(1));
        String hq = as(a.hq, () -> people.myself()).getId();
        assertEquals(0, kinds(hq, NoticeKind.REVIEW_COMING));
        plan(before);
        assertEquals(1, kinds(hq, NoticeKind.REVIEW_COMING));
        plan(due.plusDays(20).atTime(12, 0).atOffset(ZoneOffset.UTC));
        assertEquals(1, kinds(hq, NoticeKind.REVIEW_OVERDUE));

        run(a.hq, () -> reviews.recordNoChange("Every promise still holds."));
        ReviewStatus after = as(a.hq, reviews::status);
        assertEquals(1, after.history().size());
        assertEquals("NO_CHANGE", after.history().get(0).outcome());
        assertEquals(
                after.lastReviewedAt().atZoneSameInstant(berlin).toLocalDate().plusMonths(12),
                after.dueDate(),
                "the next review is an interval after this one");
        assertFalse(after.overdue());

        CharterVersion draft = as(a.hq, () -> reviews.openDraft("Phone hours change in spring."));
        assertEquals(version.getNumber() + 1, draft.getNumber());
        BusinessException again =
                assertThrows(BusinessException.class, () -> as(a.hq, () -> reviews.openDraft("Again.")));
        assertEquals("error.charter.draftExists", again.getMessageKey());
        ReviewStatus last = as(a.hq, reviews::status);
        assertEquals(2, last.history().size(), "the refused second draft left no review behind");
        assertEquals(draft.getNumber(), last.history().get(0).draftNumber());

        run(a.hq, () -> deliveryService.changeTimings(new ReminderTimings(6, 14, 3, 7, 8, 1)));
        ReviewStatus sooner = as(a.hq, reviews::status);
        assertEquals(6, sooner.intervalMonths());
        assertEquals(
                after.lastReviewedAt().atZoneSameInstant(berlin).toLocalDate().plusMonths(6), sooner.dueDate());
    }

    // ------------------------------------------------------------------------------------------------------------

    private void startRollout() {
        CharterVersion version = Drafts.readyForRollout(charters, quizzes, a);
        run(a.hq, () -> rollouts.start(version.getId(), DEADLINE));
    }

    private void plan(OffsetDateTime now) {
        deliveries.plan(a.franchiseId, now);
    }

    private MailDispatcher.Round dispatch(OffsetDateTime now) {
        Supplier<OffsetDateTime> clock = () -> now;
        return dispatcher.dispatch(a.franchiseId, clock);
    }

    private long kinds(String personId, NoticeKind kind) {
        return mail.notices(a.franchiseId, personId).stream()
                .filter(n -> n[0].equals(kind.name()))
                .count();
    }

    private List<String> statuses() {
        return mail.statuses(a.franchiseId).stream()
                .map(r -> r[0] + "=" + ((Number) r[1]).intValue())
                .toList();
    }

    private String ilzeUsername() {
        return as(a.hq, () -> people.getPerson(ilze)).getAccount().getUsername();
    }

    private String hansUsername() {
        return as(a.hq, () -> people.getPerson(hans)).getAccount().getUsername();
    }

    private static PersonForm form(String name, String username, Language language, String email) {
        return new PersonForm(name, username, null, null, language, email, 0);
    }

    private static OffsetDateTime at(String instant) {
        return OffsetDateTime.parse(instant);
    }

    private static <T> T only(List<T> list) {
        assertEquals(1, list.size(), String.valueOf(list));
        return list.get(0);
    }

    private static String calendarOf(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            Object content = part.getContent();
            return content instanceof String text
                    ? text
                    : new String(
                            ((java.io.InputStream) content).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String calendar = calendarOf(multipart.getBodyPart(i));
                if (calendar != null) {
                    return calendar;
                }
            }
        }
        return null;
    }

    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOf(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
