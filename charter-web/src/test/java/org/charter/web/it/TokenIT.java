package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.charter.model.api.ApiScope;
import org.charter.model.common.NotFoundException;
import org.charter.service.api.ApiTokens;
import org.charter.service.api.NewToken;
import org.charter.service.api.TokenForm;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.PeopleService;
import org.charter.service.store.StoreService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API over HTTP, with tokens HQ made: the token decides the franchise, its scopes decide what it may do, a
 * revoked or expired token is refused, writes by key are idempotent and audited with the token, and every error is
 * a problem in the caller's language.
 */
@ExtendWith(ArquillianExtension.class)
class TokenIT {

    private static final String PLATFORM = "it-platform";

    @Deployment
    static WebArchive deployment() {
        return Deployments.forApi(TokenIT.class, ApiFixtures.class, FullFranchise.class, FullFranchise.Services.class);
    }

    @ArquillianResource
    URL deployed;

    @Inject
    Fixtures fixtures;

    @Inject
    ApiFixtures api;

    @Inject
    FranchiseService franchises;

    @Inject
    StoreService stores;

    @Inject
    PeopleService people;

    @Inject
    ApiTokens tokens;

    @Inject
    org.charter.service.security.SignInService signIn;

    @Inject
    org.charter.service.charter.CharterService charters;

    @Inject
    org.charter.service.training.QuizService quizzes;

    @Inject
    org.charter.service.rollout.RolloutService rollouts;

    @Inject
    org.charter.service.rollout.AcknowledgementService acknowledgements;

    @Inject
    org.charter.service.rollout.StoreTrainingService training;

    @Inject
    org.charter.service.sessions.SessionService sessions;

    private World a;
    private World b;
    private NewToken tokenA;
    private NewToken readOnlyA;
    private NewToken tokenB;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeEach
    void twoFranchisesWithTokens() {
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
        tokenA = as(a.hq, () -> tokens.create(new TokenForm("HR sync", EnumSet.allOf(ApiScope.class), 30)));
        readOnlyA = as(a.hq, () -> tokens.create(new TokenForm("Reports", EnumSet.of(ApiScope.READ), 30)));
        tokenB = as(b.hq, () -> tokens.create(new TokenForm("HR sync", EnumSet.allOf(ApiScope.class), 30)));
    }

    @Test
    void aTokenSeesOnlyItsOwnFranchise() throws Exception {
        // both franchises have a store B1: each token reads its own
        JsonObject storeOfA = json(call("GET", "/stores/B1", tokenA, null, null));
        JsonObject storeOfB = json(call("GET", "/stores/B1", tokenB, null, null));
        assertNotEquals(storeOfA.getString("name"), storeOfB.getString("name"));

        put("/people/HR-B-1", tokenB, person("Bea Only B", "A1"), 201);
        HttpResponse<String> foreign = call("GET", "/people/HR-B-1", tokenA, null, null);
        assertProblem(foreign, 404);
        assertProblem(call("GET", "/stores/NOPE", tokenA, null, null), 404);

        // the same employee number in franchise A is another person of A, not B's person
        put("/people/HR-B-1", tokenA, person("Anna Of A", "A1"), 201);
        assertEquals(
                "Bea Only B",
                json(call("GET", "/people/HR-B-1", tokenB, null, null)).getString("fullName"));
        assertEquals(
                "Anna Of A",
                json(call("GET", "/people/HR-B-1", tokenA, null, null)).getString("fullName"));

        Set<String> listedByA = new HashSet<>();
        walk("/people", tokenA, 2).forEach(p -> listedByA.add(p.asJsonObject().getString("fullName")));
        assertTrue(listedByA.contains("Anna Of A"));
        assertTrue(listedByA.stream().noneMatch(name -> name.equals("Bea Only B")), listedByA.toString());

        // HQ of B cannot see or revoke A's token either
        assertThrows(NotFoundException.class, () -> as(b.hq, () -> tokens.revoke(tokenA.id())));
        assertThrows(NotFoundException.class, () -> as(b.hq, () -> tokens.get(tokenA.id())));
        assertTrue(as(b.hq, tokens::list).stream().noneMatch(t -> t.getId().equals(tokenA.id())));
    }

    @Test
    void scopesDecideWhatATokenMayDo() throws Exception {
        assertEquals(200, call("GET", "/people", readOnlyA, null, null).statusCode());
        HttpResponse<String> refused = call("PUT", "/people/HR-9", readOnlyA, person("Nobody", "A1"), null);
        assertProblem(refused, 403);
        assertProblem(call("PUT", "/stores/C9", readOnlyA, store("Nowhere"), null), 403);
        assertEquals(404, call("GET", "/people/HR-9", tokenA, null, null).statusCode(), "nothing was written");
    }

    @Test
    void missingRevokedAndExpiredTokensAreRefused() throws Exception {
        HttpResponse<String> none = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/stores")).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(none, 401);
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertProblem(call("GET", "/stores", new NewToken("x", "x", "chr_" + "x".repeat(43), null), null, null), 401);

        assertEquals(200, call("GET", "/stores", readOnlyA, null, null).statusCode());
        as(a.hq, () -> tokens.revoke(readOnlyA.id()));
        assertProblem(call("GET", "/stores", readOnlyA, null, null), 401);

        assertEquals(200, call("GET", "/stores", tokenB, null, null).statusCode());
        api.expire(tokenB.id());
        assertProblem(call("GET", "/stores", tokenB, null, null), 401);

        // the token's last use is shown to HQ
        assertNotNull(as(a.hq, () -> tokens.get(readOnlyA.id())).getLastUsedAt());
        assertNull(as(a.hq, () -> tokens.get(tokenA.id())).getLastUsedAt());
    }

    @Test
    void anHrSyncOfAThousandPeopleIsIdempotent() throws Exception {
        int count = 1000;
        long before = api.people(a.franchiseId);
        String actor = "api-token:" + tokenA.token().substring(0, 12);
        for (int i = 0; i < count; i++) {
            put("/people/S-" + i, tokenA, person("Synced " + i, i % 2 == 0 ? "A1" : "B1"), 201);
        }
        assertEquals(before + count, api.people(a.franchiseId));
        assertEquals(count, api.auditLines(a.franchiseId, "person.hired", actor));
        long versions = api.peopleVersions(a.franchiseId);

        for (int i = 0; i < count; i++) {
            HttpResponse<String> again =
                    put("/people/S-" + i, tokenA, person("Synced " + i, i % 2 == 0 ? "A1" : "B1"), 200);
            JsonObject body = json(again);
            assertTrue(!body.containsKey("setupCode") || body.isNull("setupCode"), "a code only for the new");
        }
        assertEquals(before + count, api.people(a.franchiseId), "nobody new");
        assertEquals(versions, api.peopleVersions(a.franchiseId), "no person row written");
        assertEquals(0, api.auditLines(a.franchiseId, "person.updated", actor), "no audit line for no change");

        // a real change is written once, and audited with the token
        put("/people/S-7", tokenA, person("Synced Seven", "A1"), 200);
        assertEquals(1, api.auditLines(a.franchiseId, "person.updated", actor));

        List<JsonValue> listed = walk("/people", tokenA, 300);
        assertEquals(before + count, listed.size());
        Set<String> numbers = new HashSet<>();
        listed.forEach(p -> numbers.add(p.asJsonObject().getString("employeeNumber", "-" + numbers.size())));
        assertEquals(listed.size(), numbers.size(), "no one listed twice across the pages");
    }

    @Test
    void writesTakeIfMatchAndChangeStatusAndStore() throws Exception {
        HttpResponse<String> created = put("/people/M-1", tokenA, person("Mia Mover", "A1"), 201);
        JsonObject written = json(created);
        assertTrue(written.getString("setupCode").matches("[A-Z0-9]{5}-[A-Z0-9]{5}"), written.toString());
        String tag = created.headers().firstValue("ETag").orElseThrow();

        assertProblem(call("PUT", "/people/M-1", tokenA, person("Mia M.", "A1"), "\"999\""), 412);
        HttpResponse<String> moved = call("PUT", "/people/M-1", tokenA, person("Mia Mover", "B1"), tag);
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals("B1", json(moved).getJsonObject("person").getString("store"));

        String leaving = "{\"fullName\":\"Mia Mover\",\"store\":\"B1\",\"status\":\"LEFT\",\"leftOn\":\"2026-11-30\"}";
        JsonObject left = json(put("/people/M-1", tokenA, leaving, 200)).getJsonObject("person");
        assertEquals("LEFT", left.getString("status"));
        assertEquals("2026-11-30", left.getString("leftOn"));
        String rehired = "{\"fullName\":\"Mia Mover\",\"store\":\"B1\",\"status\":\"ACTIVE\"}";
        JsonObject back = json(put("/people/M-1", tokenA, rehired, 200)).getJsonObject("person");
        assertEquals("ACTIVE", back.getString("status"));

        HttpResponse<String> newStore = put("/stores/c9", tokenA, store("Harbour"), 201);
        assertEquals("C9", json(newStore).getString("code"));
        long version = json(newStore).getJsonNumber("version").longValue();
        assertEquals(
                version,
                json(put("/stores/C9", tokenA, store("Harbour"), 200))
                        .getJsonNumber("version")
                        .longValue());
        assertTrue(json(put("/stores/C9", tokenA, store("Harbour Front"), 200))
                        .getJsonNumber("version")
                        .longValue()
                > version);
    }

    @Test
    void complianceSignaturesAndComplaintsAreReadByTheTokensFranchiseOnly() throws Exception {
        FullFranchise full = FullFranchise.build(
                new FullFranchise.Services(
                        franchises, stores, people, charters, quizzes, rollouts, acknowledgements, training, sessions),
                PLATFORM);
        NewToken reader = as(full.world.hq, () -> tokens.create(new TokenForm("Audit", EnumSet.of(ApiScope.READ), 1)));

        JsonObject compliance = json(call("GET", "/compliance", reader, null, null));
        assertEquals("ROLLOUT", compliance.getString("status"));
        JsonObject storeA1 = compliance.getJsonArray("stores").stream()
                .map(JsonValue::asJsonObject)
                .filter(store -> store.getString("code").equals("A1"))
                .findFirst()
                .orElseThrow();
        assertTrue(storeA1.getInt("required") > 0, storeA1.toString());
        assertEquals(1, storeA1.getInt("completed"), storeA1.toString());
        assertEquals(
                storeA1.getInt("required"),
                storeA1.getInt("completed") + storeA1.getInt("excused") + storeA1.getInt("open"));
        assertProblem(call("GET", "/compliance?version=99", reader, null, null), 404);

        JsonObject signatures = json(call("GET", "/acknowledgements?limit=1", reader, null, null));
        assertEquals(1, signatures.getJsonArray("items").size());
        JsonObject signature = signatures.getJsonArray("items").getJsonObject(0);
        assertTrue(signature.getString("contentSha256").matches("[0-9a-f]{64}"), signature.toString());
        assertEquals("A1", signature.getString("store"));
        // the last page still gives a cursor: coming back with it finds nothing new
        JsonObject nothingNew =
                json(call("GET", "/acknowledgements?after=" + signatures.getString("next"), reader, null, null));
        assertEquals(0, nothingNew.getJsonArray("items").size());
        assertEquals(signatures.getString("next"), nothingNew.getString("next"));

        JsonArray complaints =
                json(call("GET", "/complaints", reader, null, null)).getJsonArray("items");
        assertEquals(1, complaints.size());
        assertTrue(!complaints.getJsonObject(0).containsKey("contactEmail"), "no contact details");

        // another franchise's token sees none of it
        assertProblem(call("GET", "/compliance", tokenA, null, null), 404);
        assertEquals(
                0,
                json(call("GET", "/acknowledgements", tokenA, null, null))
                        .getJsonArray("items")
                        .size());
        assertEquals(
                0,
                json(call("GET", "/complaints", tokenA, null, null))
                        .getJsonArray("items")
                        .size());
        assertProblem(call("GET", "/complaints?after=" + signatures.getString("next") + "x", reader, null, null), 422);
    }

    @Test
    void aNewAccessCodeIsIssuedOncePerIdempotencyKey() throws Exception {
        put("/people/IK-1", tokenA, person("Ida Key", "A1"), 201);
        put("/people/IK-2", tokenA, person("Ike Key", "A1"), 201);
        String key = java.util.UUID.randomUUID().toString();

        // a client that times out and sends the same request again, ten times at once: one code, the same answer
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(http.sendAsync(accessCodes("IK-1", tokenA, key).build(), HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> answers = new HashSet<>();
        int replayed = 0;
        for (var future : sent) {
            HttpResponse<String> answer = future.get();
            assertEquals(201, answer.statusCode(), answer.body());
            answers.add(answer.body());
            replayed += answer.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        assertEquals(1, answers.size(), "every retry answers the first answer: " + answers);
        assertEquals(9, replayed);
        JsonObject issued =
                Json.createReader(new StringReader(answers.iterator().next())).readObject();
        assertEquals("IK-1", issued.getString("employeeNumber"));
        String code = issued.getString("setupCode");
        // the code answered is the one in force: no second code replaced it
        signIn.choosePassword(issued.getString("username"), code, "a-new-password-for-ida");

        // the same key for another request is refused; without a key each call issues a new code
        assertProblem(send(accessCodes("IK-2", tokenA, key)), 422);
        String first = json(send(accessCodes("IK-2", tokenA, null))).getString("setupCode");
        String second = json(send(accessCodes("IK-2", tokenA, null))).getString("setupCode");
        assertNotEquals(first, second);
        assertProblem(send(accessCodes("IK-2", tokenA, "has spaces")), 422);

        // another franchise's token: its own keys, and A's people are not found
        assertProblem(send(accessCodes("IK-1", tokenB, key)), 404);
        // a read-only token may not issue codes
        assertProblem(
                send(accessCodes("IK-1", readOnlyA, java.util.UUID.randomUUID().toString())), 403);
        // the answer is kept sealed: the code is not in the database
        assertFalse(api.idempotencyRowsContain(code), "the stored answer is sealed");
    }

    private HttpRequest.Builder accessCodes(String number, NewToken token, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/people/" + number + "/access-codes"))
                .header("Authorization", "Bearer " + token.token())
                .header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request;
    }

    @Test
    void badInputIsAProblemInTheCallersLanguage() throws Exception {
        HttpResponse<String> noStore = call("PUT", "/people/X-1", tokenA, "{\"fullName\":\"No Store\"}", null);
        assertProblem(noStore, 422);
        HttpResponse<String> german = send(HttpRequest.newBuilder(URI.create(base() + "/people/X-1"))
                .header("Authorization", "Bearer " + tokenA.token())
                .header("Accept-Language", "de-AT, en;q=0.5")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(person("Kein Laden", "ZZ9"))));
        assertProblem(german, 422);
        assertEquals("de", german.headers().firstValue("Content-Language").orElseThrow());
        assertTrue(json(german).getString("detail").contains("Keine Filiale"), german.body());

        assertProblem(call("PUT", "/people/X-1", tokenA, "{\"fullName\":", null), 400);
        assertProblem(
                call("PUT", "/people/X-1", tokenA, "{\"fullName\":\"L\",\"store\":\"A1\",\"language\":\"xx\"}", null),
                422);
        assertProblem(call("GET", "/people?after=***", tokenA, null, null), 422);
        assertProblem(call("GET", "/nothing-here", tokenA, null, null), 404);
        assertEquals(404, call("GET", "/people/X-1", tokenA, null, null).statusCode(), "nothing half-written");
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    private String base() {
        return "http://127.0.0.1:" + deployed.getPort() + "/" + Deployments.CONTEXT + "/api/v1";
    }

    private HttpResponse<String> call(String method, String path, NewToken token, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token.token())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, NewToken token, String body, int expected) throws Exception {
        HttpResponse<String> response = call("PUT", path, token, body, null);
        assertEquals(expected, response.statusCode(), path + " " + response.body());
        return response;
    }

    /** Every item of a list, following its cursors page by page. */
    private List<JsonValue> walk(String path, NewToken token, int limit) throws Exception {
        List<JsonValue> all = new java.util.ArrayList<>();
        String after = null;
        do {
            HttpResponse<String> page =
                    call("GET", path + "?limit=" + limit + (after == null ? "" : "&after=" + after), token, null, null);
            assertEquals(200, page.statusCode(), page.body());
            JsonObject body = json(page);
            JsonArray items = body.getJsonArray("items");
            all.addAll(items);
            after = body.containsKey("next") && !body.isNull("next") ? body.getString("next") : null;
        } while (after != null);
        return all;
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject problem = json(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("title").length() > 2);
        assertTrue(problem.getString("detail").length() > 10, response.body());
    }

    private static String person(String name, String store) {
        return "{\"fullName\":\"" + name + "\",\"store\":\"" + store + "\",\"language\":\"lv\"}";
    }

    private static String store(String name) {
        return "{\"name\":\"" + name + "\",\"region\":\"Coast\",\"city\":\"Liepāja\",\"country\":\"LV\","
                + "\"timeZone\":\"Europe/Riga\"}";
    }
}
