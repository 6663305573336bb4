package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.service.charter.CharterService;
import org.charter.service.feedback.FeedbackIntake;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.PeopleService;
import org.charter.service.rollout.AcknowledgementService;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.Signatures.Confirmation;
import org.charter.service.store.StoreService;
import org.charter.service.training.QuizService;
import org.charter.service.webhook.DeliveryRecord;
import org.charter.service.webhook.NewWebhook;
import org.charter.service.webhook.WebhookDispatcher;
import org.charter.service.webhook.WebhookEvent;
import org.charter.service.webhook.WebhookSignature;
import org.charter.service.webhook.Webhooks;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks to a receiver running in the test: a complaint and a signature each reach it with a valid signature,
 * again after it answered 500 twice, under the same id; a delivery that failed for good goes out on "send again";
 * another franchise can neither see nor touch them.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookIT {

    private static final String PLATFORM = "it-platform";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forWebhooks(WebhookIT.class, ApiFixtures.class);
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
    AcknowledgementService acknowledgements;

    @Inject
    FeedbackIntake intake;

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    ApiFixtures api;

    @Inject
    org.charter.service.notice.Deliveries engine;

    /** What the receiver got: per webhook-id, each request's signature check and body. */
    private final Map<String, List<JsonObject>> received = new ConcurrentHashMap<>();

    private final AtomicInteger refuseFirst = new AtomicInteger(2);
    private final Map<String, AtomicInteger> refusedSoFar = new ConcurrentHashMap<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private String secret;
    private World a;
    private World b;

    @BeforeEach
    void receiverAndFranchises() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (secret == null
                    || !WebhookSignature.sign(secret, id, Long.parseLong(timestamp), body)
                            .equals(signature)) {
                badSignatures.add(id);
            }
            try (var reader = Json.createReader(new StringReader(body))) {
                received.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>())
                        .add(reader.readObject());
            }
            int refused =
                    refusedSoFar.computeIfAbsent(id, key -> new AtomicInteger()).getAndIncrement();
            exchange.sendResponseHeaders(refused < refuseFirst.get() ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aComplaintAndASignatureReachTheReceiverSignedAndAgainAfterTwoRefusals() {
        NewWebhook hook = as(a.hq, () -> webhooks.register(url(), EnumSet.allOf(WebhookEvent.class)));
        secret = hook.secret();

        // a charter in force (customers can complain), and a rollout the employee trains for and signs
        CharterVersion first = Drafts.frozenVersion(charters, a);
        fixtures.publish(a.franchiseId, first.getId(), LocalDate.now().minusDays(10));
        CharterVersion version = Drafts.readyForRollout(charters, quizzes, a);
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        String reference = intake.send(a.slug, "A1", List.of(Language.EN), complaint("Nobody answered the phone."))
                .reference();
        run(
                a.employee,
                () -> acknowledgements.answer(
                        version.getId(),
                        Language.EN,
                        Drafts.ticks(acknowledgements.quiz(version.getId(), Language.EN), "Right")));
        String shown = as(a.employee, () -> acknowledgements.read(version.getId(), Language.EN))
                .sha256();
        run(
                a.employee,
                () -> acknowledgements.sign(new Confirmation(
                        version.getId(), Language.EN, shown, "Person " + a.employee, "127.0.0.1", "WebhookIT")));

        OffsetDateTime start = OffsetDateTime.now().plusSeconds(1);
        dispatcher.dispatch(a.franchiseId, () -> start);
        dispatcher.dispatch(a.franchiseId, () -> start.plusSeconds(61));
        dispatcher.dispatch(a.franchiseId, () -> start.plusSeconds(61 + 121));

        assertEquals(List.of(), badSignatures, "every request carried a valid signature");
        assertEquals(2, received.size(), received.toString());
        for (List<JsonObject> attempts : received.values()) {
            assertEquals(3, attempts.size(), "refused twice, then taken");
            assertEquals(attempts.get(0), attempts.get(2), "the same body every time");
        }
        JsonObject complaint = body("complaint.received");
        assertEquals("A1", complaint.getJsonObject("data").getString("store"));
        assertEquals(reference, complaint.getJsonObject("data").getString("reference"));
        JsonObject completed = body("assignment.completed");
        assertEquals("Person " + a.employee, completed.getJsonObject("data").getString("fullName"));
        assertEquals(version.getNumber(), completed.getJsonObject("data").getInt("version"));

        List<DeliveryRecord> log = as(a.hq, webhooks::log);
        assertEquals(2, log.size());
        assertTrue(log.stream().allMatch(d -> d.status().equals("DELIVERED") && d.attempts() == 3), log.toString());
        // another franchise sees none of it and can touch none of it
        assertEquals(List.of(), as(b.hq, webhooks::log));
        assertEquals(List.of(), as(b.hq, webhooks::list));
        assertThrows(
                NotFoundException.class,
                () -> as(b.hq, () -> {
                    webhooks.disable(hook.id());
                    return null;
                }));
        assertThrows(
                NotFoundException.class,
                () -> as(b.hq, () -> {
                    webhooks.sendAgain(log.get(0).id());
                    return null;
                }));
    }

    @Test
    void aDeliveryThatFailedForGoodGoesOutOnSendAgainAndADisabledEndpointGetsNothing() {
        NewWebhook hook = as(a.hq, () -> webhooks.register(url(), EnumSet.of(WebhookEvent.COMPLAINT_RECEIVED)));
        secret = hook.secret();
        refuseFirst.set(Integer.MAX_VALUE);
        CharterVersion first = Drafts.frozenVersion(charters, a);
        fixtures.publish(a.franchiseId, first.getId(), LocalDate.now().minusDays(10));
        intake.send(a.slug, "A1", List.of(Language.EN), complaint("The queue was very long."));

        OffsetDateTime start = OffsetDateTime.now().plusSeconds(1);
        for (int attempt = 0; attempt < 4; attempt++) {
            OffsetDateTime at = start.plusSeconds(attempt * 700L);
            dispatcher.dispatch(a.franchiseId, () -> at);
        }
        DeliveryRecord failed = as(a.hq, webhooks::log).get(0);
        assertEquals("FAILED", failed.status());
        assertEquals(3, failed.attempts());
        assertEquals("HTTP 500", failed.answer());

        refuseFirst.set(0);
        as(a.hq, () -> {
            webhooks.sendAgain(failed.id());
            return null;
        });
        OffsetDateTime later = start.plusSeconds(4000);
        dispatcher.dispatch(a.franchiseId, () -> later);
        assertEquals("DELIVERED", as(a.hq, webhooks::log).get(0).status());
        assertEquals(4, received.get(failed.id()).size());

        as(a.hq, () -> {
            webhooks.disable(hook.id());
            return null;
        });
        intake.send(a.slug, "A1", List.of(Language.EN), complaint("Nobody said goodbye."));
        assertEquals(1, as(a.hq, webhooks::log).size(), "a disabled endpoint gets no new deliveries");
    }

    @Test
    void aBreachedComplaintAndAnOverdueRolloutAreToldOnceEach() {
        NewWebhook hook = as(
                a.hq,
                () -> webhooks.register(
                        url(), EnumSet.of(WebhookEvent.COMPLAINT_BREACHED, WebhookEvent.ROLLOUT_OVERDUE)));
        secret = hook.secret();
        refuseFirst.set(0);
        CharterVersion first = Drafts.frozenVersion(charters, a);
        fixtures.publish(a.franchiseId, first.getId(), LocalDate.now().minusDays(10));
        CharterVersion version = Drafts.readyForRollout(charters, quizzes, a);
        run(a.hq, () -> rollouts.start(version.getId(), LocalDate.now().plusDays(30)));
        String reference = intake.send(a.slug, "A1", List.of(Language.EN), complaint("Still no answer."))
                .reference();
        api.responseDueSoon(a.franchiseId, reference);

        OffsetDateTime now = OffsetDateTime.now();
        engine.plan(a.franchiseId, now.plusMinutes(2));
        engine.plan(a.franchiseId, now.plusMinutes(3));
        engine.plan(a.franchiseId, now.plusDays(32));
        engine.plan(a.franchiseId, now.plusDays(33));
        dispatcher.dispatch(a.franchiseId, () -> now.plusDays(33));

        assertEquals(List.of(), badSignatures);
        assertEquals(2, received.size(), "each told once: " + received);
        JsonObject breach = body("complaint.breached").getJsonObject("data");
        assertEquals(reference, breach.getString("reference"));
        assertEquals("response", breach.getString("deadline"));
        JsonObject overdue = body("rollout.overdue").getJsonObject("data");
        assertEquals(version.getNumber(), overdue.getInt("version"));
        assertTrue(overdue.getInt("openPeople") > 0, overdue.toString());
    }

    private JsonObject body(String type) {
        return received.values().stream()
                .map(attempts -> attempts.get(0))
                .filter(body -> body.getString("type").equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + received));
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static org.charter.model.feedback.Feedback.Told complaint(String message) {
        return new org.charter.model.feedback.Feedback.Told(
                org.charter.model.feedback.FeedbackKind.COMPLAINT,
                org.charter.model.store.ChannelKind.PHONE,
                null,
                2,
                message,
                null,
                null,
                null,
                null,
                false,
                "en");
    }
}
