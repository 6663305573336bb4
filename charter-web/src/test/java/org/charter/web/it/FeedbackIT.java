package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.ServiceStandard;
import org.charter.model.charter.TargetUnit;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.feedback.CorrectiveAction;
import org.charter.model.feedback.CorrectiveKind;
import org.charter.model.feedback.Feedback;
import org.charter.model.feedback.FeedbackKind;
import org.charter.model.feedback.FeedbackStatus;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.charter.service.charter.CharterService;
import org.charter.service.feedback.CaseService;
import org.charter.service.feedback.CorrectiveService;
import org.charter.service.feedback.FeedbackIntake;
import org.charter.service.feedback.FeedbackOverview;
import org.charter.service.feedback.ReferenceTaken;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.notice.Deliveries;
import org.charter.service.notice.MailDispatcher;
import org.charter.service.people.PeopleService;
import org.charter.service.store.ChannelForm;
import org.charter.service.store.StoreForm;
import org.charter.service.store.StoreService;
import org.charter.service.training.QuizService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Customer feedback end to end in the container: the public form refuses bad input clearly and writes nothing,
 * its rate limits hold, a complaint's deadlines come from the charter's promise for its channel counted in the
 * store's hours for it (across a weekend, a closed day and a change to summer time), the clock stops while the
 * store waits for the customer, warnings and breaches reach the right people once, contact data goes on schedule
 * and on request, a manager sees only their stores and other franchises' cases are "not found".
 */
@ExtendWith(ArquillianExtension.class)
class FeedbackIT {

    private static final String PLATFORM = "it-platform";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forFeedback(FeedbackIT.class);
    }

    @ArquillianResource
    URL deployed;

    @Inject
    Fixtures fixtures;

    @Inject
    FeedbackFixtures peek;

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
    FeedbackIntake intake;

    @Inject
    CaseService cases;

    @Inject
    CorrectiveService corrective;

    @Inject
    FeedbackOverview overview;

    @Inject
    Deliveries deliveries;

    @Inject
    MailDispatcher dispatcher;

    private World a;
    private World b;
    private String slugA;
    private CharterVersion inForce;

    @BeforeEach
    void twoFranchisesAndACharterThatPromisesComplaintDeadlines() {
        MailBox.start();
        SetClock.clear();
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
        slugA = slug(a);
        // store A1 in Riga answers the phone on weekdays except Wednesday
        run(a.hq, () -> stores.updateStore(a.storeId, storeForm(a, "Mo-Fr 09:00-18:00; We off")));
        inForce = publishWithComplaintPromises(a);
        publishWithComplaintPromises(b);
    }

    @AfterEach
    void realTimeAgain() {
        SetClock.clear();
        NextReferences.clear();
        MailBox.start();
    }

    @Test
    void aReferenceDrawnTwiceKeepsNothingAndTheNextDrawGoesThrough() throws Exception {
        FeedbackIntake.Sent first = intake.send(slugA, "A1", List.of(Language.EN), complaint(ChannelKind.PHONE, null));
        long cases = peek.count(a.franchiseId, "feedback");
        long notices = peek.count(a.franchiseId, "notice");
        NextReferences.lineUp(first.reference());
        assertThrows(
                ReferenceTaken.class,
                () -> intake.send(slugA, "A1", List.of(Language.EN), complaint(ChannelKind.PHONE, "k@example.test")));
        assertEquals(cases, peek.count(a.franchiseId, "feedback"), "no second case with that reference");
        assertEquals(notices, peek.count(a.franchiseId, "notice"), "no notice to the manager, no receipt");
        // another franchise may hold the same reference: references are unique per franchise
        NextReferences.lineUp(first.reference());
        assertEquals(
                first.reference(),
                intake.send(slug(b), "A1", List.of(Language.EN), complaint(ChannelKind.PHONE, null))
                        .reference());
        // sent again, the service draws anew
        FeedbackIntake.Sent again = intake.send(slugA, "A1", List.of(Language.EN), complaint(ChannelKind.PHONE, null));
        assertNotEquals(first.reference(), again.reference());
        assertEquals(cases + 1, peek.count(a.franchiseId, "feedback"));
        // the form over HTTP: the customer never hears of it, the case gets the next draw
        NextReferences.lineUp(first.reference(), first.reference());
        String body = valid(token());
        Thread.sleep(1_100);
        HttpResponse<String> sent = post("10.1.9.1", body);
        assertEquals(303, sent.statusCode(), sent.body());
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertFalse(location.contains(first.reference()), location);
        assertEquals(cases + 2, peek.count(a.franchiseId, "feedback"));
    }

    // --- deadlines ---------------------------------------------------------------------------------------------

    @Test
    void aPhoneComplaintIsDueInTheStoresPhoneHoursAcrossAWeekendAClosedDayAndSummerTime() {
        // Friday 26 March 2027, 17:00 in Riga (+02:00); Riga moves to +03:00 on Sunday the 28th
        SetClock.set(at("2027-03-26T15:00:00Z"));
        FeedbackIntake.Sent sent = intake.send(slugA, "A1", List.of(Language.DE), complaint(ChannelKind.PHONE, null));
        Feedback feedback = caseOf(sent);
        assertEquals(inForce.getId(), feedback.getVersionId(), "measured against the version in force");
        assertEquals("8 HOURS", feedback.getResponseTarget());
        assertEquals("3 DAYS", feedback.getResolutionTarget());
        assertEquals(standard(inForce, ChannelKind.PHONE, 0), feedback.getResponseStandardId());
        assertEquals(standard(inForce, ChannelKind.PHONE, 1), feedback.getResolutionStandardId());
        assertEquals("Mo-Fr 09:00-18:00; We off", feedback.getHours());
        // 8 open hours: Friday 17:00-18:00, then Monday 09:00-16:00 on summer time (13:00 UTC)
        assertEquals(at("2027-03-29T13:00:00Z"), feedback.getResponseDueAt());
        // 80 %: 6 h 24 min: Friday 1 h, Monday until 14:24
        assertEquals(at("2027-03-29T11:24:00Z"), feedback.getResponseWarnAt());
        // 72 open hours, no Wednesdays and no weekends: Friday 9 April, 17:00 in Riga
        assertEquals(at("2027-04-09T14:00:00Z"), feedback.getResolutionDueAt());

        // an e-mail complaint counts around the clock: the store's e-mail channel has no hours, in-person has none
        SetClock.set(at("2027-03-26T15:00:00Z"));
        Feedback mailed = caseOf(intake.send(slugA, "A1", List.of(Language.DE), complaint(ChannelKind.EMAIL, null)));
        assertEquals("24/7", mailed.getHours(), "no e-mail or in-person hours: the phone's are not used");
        assertEquals(at("2027-03-26T23:00:00Z"), mailed.getResponseDueAt());
    }

    @Test
    void theClockStopsWhileTheStoreWaitsForTheCustomerAndTheDeadlineMovesByTheTimeLeft() {
        SetClock.set(at("2027-03-26T15:00:00Z"));
        FeedbackIntake.Sent sent =
                intake.send(slugA, "A1", List.of(Language.DE), complaint(ChannelKind.PHONE, "k@example.test"));
        String id = peek.idOf(a.franchiseId, sent.reference());
        // Monday 29 March, 10:00 in Riga: acknowledged and put on hold for the customer
        SetClock.set(at("2027-03-29T07:00:00Z"));
        run(a.manager, () -> cases.acknowledge(id));
        run(a.manager, () -> cases.waitForCustomer(id));
        Feedback waiting = as(a.manager, () -> cases.open(id)).feedback();
        assertEquals(FeedbackStatus.WAITING, waiting.getStatus());
        assertEquals(at("2027-03-29T07:00:00Z"), waiting.getRespondedAt(), "acknowledging is the first response");
        // the customer answers on Thursday 1 April at 12:00: 70 open hours were left, counted from now
        SetClock.set(at("2027-04-01T09:00:00Z"));
        intake.answer(slugA, sent.reference(), sent.secret(), "Here is my receipt number: 4711.");
        Feedback moving = as(a.manager, () -> cases.open(id)).feedback();
        assertEquals(FeedbackStatus.ACKNOWLEDGED, moving.getStatus());
        assertEquals(at("2027-04-15T07:00:00Z"), moving.getResolutionDueAt(), "Thursday 15 April, 10:00 in Riga");
        assertEquals(
                List.of("STATUS", "STATUS", "ANSWER", "STATUS"),
                peek.thread(a.franchiseId, id).stream().map(r -> (String) r[0]).toList());
    }

    @Test
    void warningsReachTheManagersAndBreachesHeadquartersTooOnceEach() {
        SetClock.set(at("2027-03-26T15:00:00Z"));
        FeedbackIntake.Sent sent = intake.send(slugA, "A1", List.of(Language.DE), complaint(ChannelKind.PHONE, null));
        deliveries.plan(a.franchiseId, at("2027-03-29T11:23:00Z"));
        assertEquals(0, peek.notices(a.franchiseId, "FEEDBACK_WARNING").size(), "before 80 %");
        deliveries.plan(a.franchiseId, at("2027-03-29T11:24:00Z"));
        deliveries.plan(a.franchiseId, at("2027-03-29T11:30:00Z"));
        List<Object[]> warnings = peek.notices(a.franchiseId, "FEEDBACK_WARNING");
        assertEquals(1, warnings.size(), "the store's one manager, once");
        assertEquals(a.managerId, warnings.get(0)[0]);
        deliveries.plan(a.franchiseId, at("2027-03-29T12:59:00Z"));
        assertEquals(0, peek.notices(a.franchiseId, "FEEDBACK_BREACHED").size());
        deliveries.plan(a.franchiseId, at("2027-03-29T13:00:00Z"));
        deliveries.plan(a.franchiseId, at("2027-03-29T14:00:00Z"));
        List<Object[]> breaches = peek.notices(a.franchiseId, "FEEDBACK_BREACHED");
        assertEquals(2, breaches.size(), "the manager and headquarters, once each: " + describe(breaches));
        // once the store has answered, the resolution clock goes on; nothing more about the first response
        SetClock.set(at("2027-03-29T14:30:00Z"));
        run(a.manager, () -> cases.acknowledge(peek.idOf(a.franchiseId, sent.reference())));
        deliveries.plan(a.franchiseId, at("2027-03-30T12:00:00Z"));
        assertEquals(2, peek.notices(a.franchiseId, "FEEDBACK_BREACHED").size());
        assertEquals(0, peek.count(b.franchiseId, "notice"), "nothing to the other franchise");
    }

    @Test
    void theOverviewCountsWhatWasSaidAndTheDeadlinesMetAsTheCasesMove() {
        // Monday 29 March 2027, 10:00 in Riga: two complaints and a compliment at A1, a suggestion at B1
        SetClock.set(at("2027-03-29T07:00:00Z"));
        String answered = peek.idOf(
                a.franchiseId,
                intake.send(slugA, "A1", List.of(Language.EN), complaint(ChannelKind.PHONE, null))
                        .reference());
        String forgotten = peek.idOf(
                a.franchiseId,
                intake.send(slugA, "A1", List.of(Language.EN), complaint(ChannelKind.PHONE, null))
                        .reference());
        intake.send(slugA, "A1", List.of(Language.EN), told(FeedbackKind.COMPLIMENT));
        intake.send(slugA, "B1", List.of(Language.EN), told(FeedbackKind.SUGGESTION));
        SetClock.set(at("2027-03-29T08:00:00Z"));
        run(a.manager, () -> cases.acknowledge(answered));

        // Wednesday: the second complaint's first response (8 open hours, by Tuesday 09:00) is missed
        SetClock.set(at("2027-03-31T07:00:00Z"));
        FeedbackOverview.Overview seen = as(a.hq, () -> overview.overview(LocalDate.of(2027, 3, 1)));
        assertEquals(4, seen.all().total());
        assertEquals(2, seen.all().complaints());
        assertEquals(1, seen.all().compliments());
        assertEquals(2, seen.all().responseMeasured(), "one answered, one past its deadline");
        assertEquals(1, seen.all().responseMet());
        assertEquals(50, seen.all().metPercent());
        assertEquals(1.0, seen.all().responseHours(), 0.001, "one hour to the first response");
        assertEquals(
                List.of(LocalDate.of(2027, 3, 1)),
                seen.months().stream().map(FeedbackOverview.Month::month).toList());
        assertEquals(3, storeFigures(seen, "A1").total());
        assertEquals(1, storeFigures(seen, "B1").total());

        // Thursday the forgotten one is answered and resolved in time for its resolution: the sums follow
        SetClock.set(at("2027-04-01T07:00:00Z"));
        run(a.manager, () -> cases.resolve(forgotten));
        FeedbackOverview.Overview later = as(a.hq, () -> overview.overview(LocalDate.of(2027, 3, 1)));
        assertEquals(2, later.all().responseMeasured());
        assertEquals(1, later.all().responseMet(), "answered late is still late");
        assertEquals(1, later.all().resolutionMeasured());
        assertEquals(1, later.all().resolutionMet());
        assertEquals(67, later.all().metPercent());
        // the other franchise's overview knows nothing of it
        assertEquals(
                0,
                as(b.hq, () -> overview.overview(LocalDate.of(2027, 3, 1)))
                        .all()
                        .total());
    }

    private static FeedbackOverview.Figures storeFigures(FeedbackOverview.Overview overview, String code) {
        return overview.stores().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElseThrow()
                .figures();
    }

    private static Feedback.Told told(FeedbackKind kind) {
        return new Feedback.Told(
                kind, ChannelKind.IN_PERSON, null, 5, "Lovely flat white.", null, null, null, null, false, "en");
    }

    // --- the public form over HTTP --------------------------------------------------------------------------

    @Test
    void badInputGetsAClearErrorInTheCustomersLanguageAndWritesNothing() throws Exception {
        long feedbackBefore = peek.count(a.franchiseId, "feedback");
        long noticesBefore = peek.count(a.franchiseId, "notice");
        ResourceBundle german = ResourceBundle.getBundle("org.charter.web.i18n.messages", Locale.GERMAN);

        // empty
        HttpResponse<String> empty = post("10.0.0.1", form(Map.of()));
        assertEquals(422, empty.statusCode());
        assertTrue(shows(empty.body(), german.getString("error.feedback.kind")), "in German");
        assertTrue(empty.body().contains("aria-invalid=\"true\""), "tied to its field");

        // huge message, and a body larger than the form takes at all
        HttpResponse<String> huge = post("10.0.0.1", form(Map.of("message", "x".repeat(Feedback.MESSAGE_LENGTH + 1))));
        assertEquals(422, huge.statusCode());
        assertTrue(huge.body().contains(String.valueOf(Feedback.MESSAGE_LENGTH)), "says the limit");
        assertEquals(
                413,
                post("10.0.0.1", form(Map.of("message", "y".repeat(40_000)))).statusCode());

        // script-carrying: refused, and what was typed comes back inert
        HttpResponse<String> script =
                post("10.0.0.1", form(Map.of("message", "<script>alert('x')</script> bad service")));
        assertEquals(422, script.statusCode());
        assertFalse(script.body().contains("<script>alert"), "never echoed as markup");
        assertTrue(script.body().contains("&lt;script&gt;"), "kept for the customer to correct");

        // wrong encoding: bytes that are not UTF-8
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.write(form(Map.of()).getBytes(StandardCharsets.UTF_8));
        latin1.write("&message=Gr".getBytes(StandardCharsets.US_ASCII));
        latin1.write(new byte[] {(byte) 0xFC, (byte) 0xDF, (byte) 0xE9});
        HttpResponse<String> encoding = send("10.0.0.1", latin1.toByteArray());
        assertEquals(422, encoding.statusCode());
        assertTrue(
                shows(
                        encoding.body(),
                        german.getString("error.feedback.encoding").substring(4, 30)),
                "says so");

        // a machine: the hidden field filled in, or the form sent the moment it was handed out
        HttpResponse<String> honeypot = post("10.0.0.1", form(Map.of("website", "http://spam.example")));
        assertEquals(422, honeypot.statusCode());
        assertTrue(shows(honeypot.body(), german.getString("feedback.error.form")));
        String token = token();
        HttpResponse<String> fast = send("10.0.0.1", valid(token).getBytes(StandardCharsets.UTF_8));
        assertEquals(422, fast.statusCode());
        assertTrue(shows(fast.body(), german.getString("feedback.error.tooFast")));

        // contact details without consent
        HttpResponse<String> noConsent = post("10.0.0.1", valid(null) + "&contactEmail=k%40example.test");
        assertEquals(422, noConsent.statusCode());
        assertTrue(shows(noConsent.body(), german.getString("error.feedback.consent")));

        assertEquals(feedbackBefore, peek.count(a.franchiseId, "feedback"), "no feedback written");
        assertEquals(noticesBefore, peek.count(a.franchiseId, "notice"), "no notice or mail queued");
    }

    @Test
    void aFloodFromOneAddressStopsAtItsLimitAndOneSpreadOverManyAtTheStores() throws Exception {
        long before = peek.count(a.franchiseId, "feedback");
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 7; i++) {
            last = post("10.1.1.1", valid(null));
            accepted += last.statusCode() == 303 ? 1 : 0;
        }
        assertEquals(5, accepted, "five an hour from one address");
        assertEquals(429, last.statusCode());
        assertNotNull(last.headers().firstValue("Retry-After").orElse(null));
        // many addresses, one store: the store's limit (12 an hour) holds
        for (int i = 2; i < 12; i++) {
            HttpResponse<String> response = post("10.1.2." + i, valid(null));
            accepted += response.statusCode() == 303 ? 1 : 0;
        }
        assertEquals(12, accepted, "twelve an hour for one store, from however many addresses");
        assertEquals(before + 12, peek.count(a.franchiseId, "feedback"), "exactly the accepted ones, none lost");
        // another franchise's store is not held back by A's flood
        assertEquals(303, post("10.1.3.1", validFor(slug(b)), slug(b)).statusCode());
    }

    @Test
    void aCustomerComplainsGetsAReceiptInTheirLanguageThenTheReplyAndRatesIt() throws Exception {
        HttpResponse<String> sent = post("10.2.0.1", valid(null) + "&contactEmail=kunde%40example.test&consent=yes");
        assertEquals(303, sent.statusCode(), sent.body());
        String location = sent.headers().firstValue("Location").orElseThrow();
        Matcher reference =
                Pattern.compile("/case/([A-Z0-9-]+)\\?k=([A-Za-z0-9_-]+)").matcher(location);
        assertTrue(reference.find(), location);
        assertTrue(reference.group(1).matches("[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}"), reference.group(1));
        String secret = reference.group(2);
        // the status page needs both; a wrong secret or another franchise is "not found"
        assertEquals(
                200,
                get("/feedback/" + slugA + "/case/" + reference.group(1) + "?k=" + secret)
                        .statusCode());
        assertEquals(
                404,
                get("/feedback/" + slugA + "/case/" + reference.group(1) + "?k=wrong" + secret)
                        .statusCode());
        assertEquals(
                404,
                get("/feedback/" + slug(b) + "/case/" + reference.group(1) + "?k=" + secret)
                        .statusCode());

        dispatcher.dispatch(a.franchiseId, now());
        MimeMessage receipt = only(MailBox.to("kunde@example.test"));
        assertEquals("de", receipt.getHeader("Content-Language", null));
        assertTrue(receipt.getSubject().contains(reference.group(1)), receipt.getSubject());

        String id = peek.idOf(a.franchiseId, reference.group(1));
        run(a.manager, () -> cases.reply(id, "Wir haben mit dem Team gesprochen. Entschuldigung!"));
        dispatcher.dispatch(a.franchiseId, now());
        List<MimeMessage> mails = MailBox.to("kunde@example.test");
        assertEquals(2, mails.size());
        assertEquals("de", mails.get(1).getHeader("Content-Language", null));
        String page = get("/feedback/" + slugA + "/case/" + reference.group(1) + "?k=" + secret)
                .body();
        assertTrue(page.contains("Wir haben mit dem Team gesprochen"), "the reply is in the thread");
        assertTrue(page.contains("id=\"stars-5\""), "one click to rate it");
        assertEquals(
                303,
                postTo(
                                "/feedback/" + slugA + "/case/" + reference.group(1),
                                "10.2.0.1",
                                "k=" + secret + "&do=rate&stars=4")
                        .statusCode());
        assertEquals(4, as(a.manager, () -> cases.open(id)).feedback().getReplyRating());
        // the customer's rating comes only with the link's secret
        assertEquals(
                404,
                postTo("/feedback/" + slugA + "/case/" + reference.group(1), "10.2.0.1", "k=nope&do=rate&stars=1")
                        .statusCode());
    }

    // --- scope and tenants ------------------------------------------------------------------------------------

    @Test
    void aManagerSeesOnlyTheirStoresAndAnotherFranchisesCasesAreNotFound() {
        String inMine = peek.idOf(
                a.franchiseId,
                intake.send(slugA, "A1", List.of(Language.EN), complaint(ChannelKind.EMAIL, null))
                        .reference());
        String inOther = peek.idOf(
                a.franchiseId,
                intake.send(slugA, "B1", List.of(Language.EN), complaint(ChannelKind.EMAIL, null))
                        .reference());
        String ofB = peek.idOf(
                b.franchiseId,
                intake.send(slug(b), "A1", List.of(Language.EN), complaint(ChannelKind.EMAIL, null))
                        .reference());

        List<String> listed = as(a.manager, () -> cases.cases(null, false)).stream()
                .map(CaseService.CaseLine::id)
                .toList();
        assertTrue(listed.contains(inMine));
        assertFalse(listed.contains(inOther), "store B1 is not the manager's");
        assertEquals(2, as(a.hq, () -> cases.cases(null, false)).size(), "headquarters see every store");
        assertThrows(NotFoundException.class, () -> as(a.manager, () -> cases.open(inOther)));
        assertThrows(NotFoundException.class, () -> run(a.manager, () -> cases.acknowledge(inOther)));
        assertThrows(NotFoundException.class, () -> as(a.manager, () -> cases.cases(a.otherStoreId, false)));
        // another franchise's ids, whoever asks
        for (String caller : List.of(a.hq, a.manager)) {
            assertThrows(NotFoundException.class, () -> as(caller, () -> cases.open(ofB)));
            assertThrows(NotFoundException.class, () -> run(caller, () -> cases.reply(ofB, "hello")));
            assertThrows(
                    NotFoundException.class,
                    () -> as(caller, () -> corrective.decide(b.employeeId, null, inMine, retraining())));
        }
        assertThrows(NotFoundException.class, () -> as(b.hq, () -> cases.open(inMine)));
        assertThrows(NotFoundException.class, () -> as(b.hq, () -> corrective.actionsFrom(inMine)));
        assertTrue(as(b.hq, () -> overview.findByContact("k@example.test")).isEmpty());
    }

    // --- corrective action and retraining -------------------------------------------------------------------

    @Test
    void aRetrainingIsDoneTheTrainingWayAndLandsInTheEmployeesFile() {
        String id = peek.idOf(
                a.franchiseId,
                intake.send(slugA, "A1", List.of(Language.EN), complaint(ChannelKind.PHONE, null))
                        .reference());
        BusinessException noNote = assertThrows(
                BusinessException.class,
                () -> as(
                        a.manager,
                        () -> corrective.decide(
                                a.employeeId,
                                null,
                                id,
                                new CorrectiveAction.Decided(
                                        CorrectiveKind.RETRAINING,
                                        " ",
                                        null,
                                        LocalDate.now().plusDays(7)))));
        assertEquals("error.corrective.note", noNote.getMessageKey());
        CorrectiveAction action = as(a.manager, () -> corrective.decide(a.employeeId, null, id, retraining()));
        assertEquals(inForce.getId(), action.getVersionId());
        assertEquals(1, peek.notices(a.franchiseId, "CORRECTIVE_ACTION").size(), "the employee is told");

        CorrectiveService.Retraining mine = as(a.employee, () -> corrective.retraining(action.getId(), Language.EN));
        assertEquals(SectionKind.COMPLAINTS.name(), mine.focus());
        assertFalse(mine.quizPassed(), "no pass since the retraining was decided");
        BusinessException quizFirst = assertThrows(
                BusinessException.class,
                () -> as(
                        a.employee,
                        () -> corrective.sign(
                                action.getId(), Language.EN, mine.reading().sha256(), "Person " + a.employee)));
        assertEquals("error.ack.quizFirst", quizFirst.getMessageKey());
        assertFalse(as(
                        a.employee,
                        () -> corrective.answer(action.getId(), Language.EN, Drafts.ticks(mine.paper(), "Wrong")))
                .passed());
        assertTrue(as(
                        a.employee,
                        () -> corrective.answer(action.getId(), Language.EN, Drafts.ticks(mine.paper(), "Right")))
                .passed());
        CorrectiveAction done = as(
                a.employee,
                () -> corrective.sign(
                        action.getId(), Language.EN, mine.reading().sha256(), "Person " + a.employee));
        assertNotNull(done.getCompletedAt());
        assertEquals(mine.reading().sha256(), done.getContentSha256(), "the hash of the text the person was shown");
        assertEquals(
                org.charter.service.rollout.Statements.retraining(
                        Language.EN, mine.reading().number()),
                done.getStatement());
        assertEquals(1, as(a.employee, corrective::mine).size(), "in the employee's own file");
        // nobody else opens it
        assertThrows(
                NotFoundException.class, () -> as(a.manager, () -> corrective.retraining(action.getId(), Language.EN)));
        assertThrows(
                NotFoundException.class,
                () -> as(b.employee, () -> corrective.retraining(action.getId(), Language.EN)));
    }

    // --- privacy ----------------------------------------------------------------------------------------------

    @Test
    void contactDataIsErasedTwelveMonthsAfterClosingAndOnRequestTheCasesStay() {
        SetClock.set(at("2027-01-10T10:00:00Z"));
        FeedbackIntake.Sent kept =
                intake.send(slugA, "A1", List.of(Language.DE), complaint(ChannelKind.EMAIL, "old@example.test"));
        String id = peek.idOf(a.franchiseId, kept.reference());
        intake.answer(slugA, kept.reference(), kept.secret(), "My name is Old Customer, call me back.");
        run(a.manager, () -> cases.close(id));
        deliveries.plan(a.franchiseId, at("2028-01-09T10:00:00Z"));
        assertEquals("old@example.test", peek.contact(a.franchiseId, id)[1], "eleven months and a bit: kept");
        deliveries.plan(a.franchiseId, at("2028-01-10T10:01:00Z"));
        Object[] contact = peek.contact(a.franchiseId, id);
        assertNull(contact[0]);
        assertNull(contact[1]);
        assertNotNull(contact[3], "erased, and when");
        assertTrue(
                peek.thread(a.franchiseId, id).stream()
                        .filter(r -> "ANSWER".equals(r[0]))
                        .allMatch(r -> r[1] == null),
                "the customer's own words in the thread go too");
        assertTrue(
                peek.notices(a.franchiseId, "FEEDBACK_RECEIPT").stream().allMatch(n -> n[2] == null && n[4] == null),
                "and the address and link of the mail sent to them");
        assertEquals(
                FeedbackStatus.CLOSED, as(a.hq, () -> cases.open(id)).feedback().getStatus(), "the case stays");

        // on request, however recent
        SetClock.clear();
        String recent = peek.idOf(
                a.franchiseId,
                intake.send(slugA, "A1", List.of(Language.DE), complaint(ChannelKind.EMAIL, "Asks@Example.test"))
                        .reference());
        assertEquals(
                1, as(a.hq, () -> overview.findByContact("asks@example.test")).size());
        assertEquals(1, as(a.hq, () -> overview.eraseContact("asks@example.test")));
        assertNull(peek.contact(a.franchiseId, recent)[1]);
        assertTrue(as(a.hq, () -> overview.findByContact("asks@example.test")).isEmpty());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Publishes a version whose complaints section promises, per channel, a first response and a resolution. */
    private CharterVersion publishWithComplaintPromises(World world) {
        CharterVersion written =
                Drafts.writeEverything(charters, world, as(world.hq, charters::startDraft), Language.EN, Language.DE);
        CharterSection complaints = written.section(SectionKind.COMPLAINTS).orElseThrow();
        for (ChannelKind channel : List.of(ChannelKind.PHONE, ChannelKind.EMAIL)) {
            addPromise(
                    world, written.getId(), complaints.getId(), channel, 8, TargetUnit.HOURS, "Answer within 8 hours");
            addPromise(world, written.getId(), complaints.getId(), channel, 3, TargetUnit.DAYS, "Settle within 3 days");
        }
        CharterVersion withPromises = as(world.hq, () -> charters.getVersion(written.getId()));
        for (ServiceStandard standard :
                withPromises.section(SectionKind.COMPLAINTS).orElseThrow().getStandards()) {
            long lock = as(world.hq, () -> charters.getVersion(written.getId())).getVersion();
            run(
                    world.hq,
                    () -> charters.saveStandard(
                            standard.getId(),
                            lock,
                            standard.getChannel(),
                            standard.getTargetValue(),
                            standard.getTargetUnit(),
                            Language.DE,
                            "Versprechen " + standard.getPosition()));
        }
        CharterVersion ready = as(world.hq, () -> charters.getVersion(written.getId()));
        CharterVersion frozen = as(world.hq, () -> charters.freeze(ready.getId(), ready.getVersion()));
        Drafts.addQuiz(quizzes, world, frozen);
        fixtures.publish(world.franchiseId, frozen.getId(), LocalDate.of(2026, 1, 15));
        return frozen;
    }

    private void addPromise(
            World world,
            String versionId,
            String sectionId,
            ChannelKind channel,
            int value,
            TargetUnit unit,
            String promise) {
        long lock = as(world.hq, () -> charters.getVersion(versionId)).getVersion();
        run(world.hq, () -> charters.addStandard(sectionId, lock, channel, value, unit, promise));
    }

    private static String standard(CharterVersion version, ChannelKind channel, int nth) {
        return version.section(SectionKind.COMPLAINTS).orElseThrow().getStandards().stream()
                .filter(s -> s.getChannel() == channel)
                .skip(nth)
                .findFirst()
                .orElseThrow()
                .getId();
    }

    private Feedback caseOf(FeedbackIntake.Sent sent) {
        return as(a.hq, () -> cases.open(peek.idOf(a.franchiseId, sent.reference())))
                .feedback();
    }

    private static Feedback.Told complaint(ChannelKind channel, String email) {
        return new Feedback.Told(
                FeedbackKind.COMPLAINT,
                channel,
                null,
                2,
                "Nobody called me back about my broken grinder.",
                null,
                email == null ? null : "Kim Customer",
                email,
                null,
                email != null,
                "de");
    }

    /** A retraining on the complaints section of A's charter in force, due in a week. */
    private CorrectiveAction.Decided retraining() {
        return new CorrectiveAction.Decided(
                CorrectiveKind.RETRAINING,
                "Read again how we handle complaints.",
                inForce.section(SectionKind.COMPLAINTS).orElseThrow().getId(),
                LocalDate.now().plusDays(7));
    }

    private StoreForm storeForm(World world, String phoneHours) {
        StoreForm form = world.storeForm(
                "A1", as(world.hq, () -> stores.getStore(world.storeId)).getVersion());
        return new StoreForm(
                form.code(),
                form.name(),
                form.regionId(),
                form.street(),
                form.postalCode(),
                form.city(),
                form.country(),
                form.timeZone(),
                List.of(new ChannelForm(ChannelKind.PHONE, "+371 6000 0000", phoneHours)),
                form.version());
    }

    private static String describe(List<Object[]> rows) {
        return rows.stream().map(java.util.Arrays::toString).toList().toString();
    }

    private static String slug(World world) {
        return world.slug;
    }

    private Supplier<OffsetDateTime> now() {
        return () -> OffsetDateTime.now(java.time.ZoneOffset.UTC);
    }

    private static OffsetDateTime at(String instant) {
        return OffsetDateTime.parse(instant);
    }

    /** Whether the page shows {@code text} (as HTML: escaped). */
    private static boolean shows(String page, String text) {
        return page.contains(org.charter.web.shell.Html.escape(text));
    }

    private static <T> T only(List<T> list) {
        assertEquals(1, list.size(), String.valueOf(list));
        return list.get(0);
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String base() {
        return "http://127.0.0.1:" + deployed.getPort() + "/" + Deployments.CONTEXT;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed form token for store A1, old enough to be taken (the minimum here is one second). */
    private String token() throws Exception {
        return tokenFor(slugA);
    }

    private String tokenFor(String slug) throws Exception {
        String page = get("/feedback/" + slug + "/A1?lang=de").body();
        Matcher matcher = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }

    private String valid(String token) throws Exception {
        return form(
                Map.of(
                        "kind", "COMPLAINT",
                        "channel", "IN_PERSON",
                        "message", "Ich habe zwanzig Minuten gewartet.",
                        "rating", "2"),
                token);
    }

    private String validFor(String slug) throws Exception {
        String token = tokenFor(slug);
        Thread.sleep(1_100);
        return form(Map.of("kind", "SUGGESTION", "channel", "EMAIL", "message", "Hafermilch bitte."), token);
    }

    private String form(Map<String, String> fields) throws Exception {
        return form(fields, null);
    }

    /** The fields, url-encoded, with a form token (a fresh one, aged past the minimum fill time, when null). */
    private String form(Map<String, String> fields, String token) throws Exception {
        String t = token;
        if (t == null) {
            t = token();
            Thread.sleep(1_100);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("t", t);
        all.put("lang", "de");
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : all.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(field.getKey()).append('=').append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private HttpResponse<String> post(String address, String body) throws Exception {
        return post(address, body, slugA);
    }

    private HttpResponse<String> post(String address, String body, String slug) throws Exception {
        return postTo("/feedback/" + slug + "/A1", address, body);
    }

    private HttpResponse<String> send(String address, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + "/feedback/" + slugA + "/A1"))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postTo(String path, String address, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
