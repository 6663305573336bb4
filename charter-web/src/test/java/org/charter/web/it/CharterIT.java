package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;
import static org.charter.web.it.TestCaller.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.charter.model.charter.CanonicalText;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.Hashes;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.TargetUnit;
import org.charter.model.charter.TranslationStatus;
import org.charter.model.charter.VersionRendering;
import org.charter.model.charter.VersionStatus;
import org.charter.model.charter.Visibility;
import org.charter.model.common.AccessDeniedException;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.charter.service.charter.CharterService;
import org.charter.service.charter.SectionComparison;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.people.PeopleService;
import org.charter.service.publication.PublicCharter;
import org.charter.service.publication.PublishedCharterService;
import org.charter.service.store.StoreService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Writing, translating, freezing and comparing charter versions, in the container against PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class CharterIT {

    private static final String PLATFORM = "it-platform";
    private static final List<String> CHARTER_TABLES = List.of(
            "charter_version",
            "charter_section",
            "section_text",
            "service_standard",
            "standard_text",
            "version_rendering");

    @Deployment
    static WebArchive deployment() {
        return Deployments.forServices(CharterIT.class);
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
    TenancyProbe probe;

    @Inject
    PublishedCharterService published;

    @ArquillianResource
    URL deployed;

    private World a;
    private World b;

    @BeforeEach
    void twoFranchises() {
        fixtures.ensurePlatformAdmin(PLATFORM);
        a = World.build(franchises, stores, people, PLATFORM);
        b = World.build(franchises, stores, people, PLATFORM);
    }

    @Test
    void headquartersWritesInTwoLanguagesAndFreezes() {
        CharterVersion draft = as(a.hq, charters::startDraft);
        assertEquals(SectionKind.values().length, draft.getSections().size());
        assertEquals(List.of(Language.EN, Language.DE), as(a.hq, charters::languages));
        CharterVersion written = writeEverything(a, draft, Language.EN, Language.DE);
        Map<Language, TranslationStatus> status = as(a.hq, () -> charters.translationStatus(written.getId()));
        assertEquals(Map.of(Language.EN, TranslationStatus.COMPLETE, Language.DE, TranslationStatus.COMPLETE), status);

        CharterVersion frozen = as(a.hq, () -> charters.freeze(written.getId(), written.getVersion()));
        assertEquals(VersionStatus.FROZEN, frozen.getStatus());
        List<VersionRendering> renderings = as(a.hq, () -> charters.renderings(frozen.getId()));
        assertEquals(2, renderings.size());
        CharterVersion reloaded = as(a.hq, () -> charters.getVersion(frozen.getId()));
        for (VersionRendering rendering : renderings) {
            // rendering the frozen version again gives the stored text and hash
            String again = CanonicalText.of(reloaded, rendering.getLanguage());
            assertEquals(rendering.getCanonical(), again);
            assertEquals(rendering.getSha256(), Hashes.sha256(again));
        }
        assertTrue(renderings.stream().anyMatch(r -> r.getCanonical().contains("Antwort innerhalb")));
    }

    @Test
    void freezingWithAMissingOrOutdatedTranslationIsRefusedWithTheLanguage() {
        CharterVersion draft = writeEverything(a, as(a.hq, charters::startDraft), Language.EN);
        BusinessException missing = assertThrows(
                BusinessException.class, () -> run(a.hq, () -> charters.freeze(draft.getId(), draft.getVersion())));
        assertEquals("error.charter.translationsIncomplete", missing.getMessageKey());
        assertEquals(List.of("DE", "—"), List.of(missing.getArguments()));

        CharterVersion translated = writeEverything(a, draft, Language.DE);
        assertEquals(
                TranslationStatus.COMPLETE,
                as(a.hq, () -> charters.translationStatus(draft.getId())).get(Language.DE));
        CharterSection overview = translated.section(SectionKind.OVERVIEW).orElseThrow();
        CharterVersion changed = as(
                a.hq,
                () -> charters.saveSection(
                        overview.getId(),
                        translated.getVersion(),
                        Language.EN,
                        "Overview",
                        "<p>A changed overview.</p>",
                        Visibility.PUBLIC));
        BusinessException outdated = assertThrows(
                BusinessException.class, () -> run(a.hq, () -> charters.freeze(changed.getId(), changed.getVersion())));
        assertEquals(List.of("—", "DE"), List.of(outdated.getArguments()));
        assertEquals(
                VersionStatus.DRAFT,
                as(a.hq, () -> charters.getVersion(draft.getId())).getStatus());
    }

    @Test
    void theDatabaseRefusesToChangeAFrozenVersion() {
        CharterVersion frozen = frozenVersion(a);
        String id = frozen.getId();
        for (String sql : List.of(
                "update section_text set body = 'rewritten' where section_id in"
                        + " (select id from charter_section where version_id = '" + id + "')",
                "delete from charter_section where version_id = '" + id + "'",
                "update standard_text set promise = 'never'",
                "insert into charter_section (id, tenant_id, version_id, kind, position, visibility) values"
                        + " (gen_random_uuid(), '" + a.franchiseId + "', '" + id + "', 'EXTRA', 99, 'PUBLIC')",
                "update charter_version set change_summary = 'rewritten' where id = '" + id + "'",
                "update charter_version set status = 'DRAFT' where id = '" + id + "'",
                "delete from charter_version where id = '" + id + "'",
                "update version_rendering set sha256 = repeat('0', 64)")) {
            Exception refused = assertThrows(Exception.class, () -> probe.writeAs(a.franchiseId, sql), sql);
            String causes = Failures.causes(refused);
            assertTrue(
                    causes.contains("can no longer change")
                            || causes.contains("cannot be deleted")
                            || causes.contains("cannot go from")
                            || causes.contains("permission denied"),
                    sql + ": " + causes);
        }
        BusinessException notDraft = assertThrows(
                BusinessException.class,
                () -> run(a.hq, () -> charters.describeChange(id, frozen.getVersion(), "late")));
        assertEquals("error.charter.notDraft", notDraft.getMessageKey());
    }

    @Test
    void scriptsHandlersAndJavascriptLinksNeverSurviveSaving() {
        CharterVersion draft = as(a.hq, charters::startDraft);
        CharterSection overview = draft.section(SectionKind.OVERVIEW).orElseThrow();
        String hostile = "<script>alert(1)</script><p onclick=\"steal()\" style=\"color:red\">Welcome"
                + " <a href=\"javascript:alert(2)\">click</a> <a href=\"https://example.org/terms\">terms</a>"
                + " <img src=x onerror=alert(3)><iframe src=\"https://evil.example\"></iframe>"
                + "<svg onload=alert(4)></svg><a href=\"JaVaScRiPt:alert(5)\">x</a></p>";
        CharterVersion saved = as(
                a.hq,
                () -> charters.saveSection(
                        overview.getId(), draft.getVersion(), Language.EN, "Overview", hostile, Visibility.PUBLIC));
        String body = as(a.hq, () -> charters.getVersion(saved.getId()))
                .section(SectionKind.OVERVIEW)
                .orElseThrow()
                .text(Language.EN)
                .orElseThrow()
                .getBody();
        String lower = body.toLowerCase();
        for (String forbidden : List.of(
                "<script", "onclick", "onerror", "onload", "javascript:", "<iframe", "<svg", "style=", "<img")) {
            assertFalse(lower.contains(forbidden), forbidden + " survived: " + body);
        }
        assertTrue(body.contains("Welcome"));
        assertTrue(body.contains("href=\"https://example.org/terms\""), body);
    }

    @Test
    void anotherFranchisesCharterIsNotFound() {
        CharterVersion foreign = frozenVersion(b);
        CharterVersion foreignDraft = as(b.hq, charters::startDraft);
        String sectionId = foreignDraft.getSections().get(0).getId();
        for (Supplier<?> call : List.<Supplier<?>>of(
                () -> charters.getVersion(foreign.getId()),
                () -> charters.saveSection(sectionId, foreignDraft.getVersion(), Language.EN, "x", "<p>x</p>", null),
                () -> charters.addSection(foreignDraft.getId(), foreignDraft.getVersion(), SectionKind.OVERVIEW),
                () -> charters.removeSection(sectionId, foreignDraft.getVersion()),
                () -> charters.describeChange(foreignDraft.getId(), foreignDraft.getVersion(), "mine"),
                () -> charters.freeze(foreignDraft.getId(), foreignDraft.getVersion()),
                () -> charters.translationStatus(foreign.getId()),
                () -> charters.compare(foreign.getId(), foreignDraft.getId(), Language.EN, key -> key),
                () -> charters.addStandard(
                        sectionId, foreignDraft.getVersion(), ChannelKind.PHONE, 1, TargetUnit.DAYS, "p"),
                () -> {
                    charters.discardDraft(foreignDraft.getId(), foreignDraft.getVersion());
                    return null;
                })) {
            assertThrows(NotFoundException.class, () -> as(a.hq, call));
        }
        assertTrue(as(a.hq, charters::listVersions).isEmpty());
        assertTrue(as(a.hq, charters::findDraft).isEmpty(), "B's draft is not A's draft");
        assertEquals(2, as(b.hq, charters::listVersions).size(), "and B's charter is untouched");
        // row-level security alone: A's transaction sees none of B's charter rows
        frozenVersion(a);
        for (String table : CHARTER_TABLES) {
            assertEquals(List.of(a.franchiseId), probe.tenantsVisibleAs(a.franchiseId, table), table);
        }
    }

    @Test
    void twoEditorsOfOneDraftLoseNothingSilently() {
        CharterVersion draft = as(a.hq, charters::startDraft);
        CharterSection overview = draft.section(SectionKind.OVERVIEW).orElseThrow();
        long loaded = draft.getVersion();
        run(a.hq, () -> charters.saveSection(overview.getId(), loaded, Language.EN, "First", "<p>First</p>", null));
        BusinessException stale = assertThrows(
                BusinessException.class,
                () -> run(
                        a.hq,
                        () -> charters.saveSection(
                                overview.getId(), loaded, Language.EN, "Second", "<p>Second</p>", null)));
        assertEquals("error.concurrentChange", stale.getMessageKey());
        assertEquals(
                "First",
                as(a.hq, () -> charters.getVersion(draft.getId()))
                        .section(SectionKind.OVERVIEW)
                        .orElseThrow()
                        .text(Language.EN)
                        .orElseThrow()
                        .getTitle());
        assertEquals(
                "error.charter.draftExists",
                assertThrows(BusinessException.class, () -> run(a.hq, charters::startDraft))
                        .getMessageKey());
    }

    @Test
    void aComparisonShowsWhatChangedSectionBySection() {
        CharterVersion first = frozenVersion(a);
        CharterVersion second = as(a.hq, charters::startDraft);
        assertEquals(2, second.getNumber());
        CharterSection goals = second.section(SectionKind.SERVICE_GOALS).orElseThrow();
        run(
                a.hq,
                () -> charters.saveSection(
                        goals.getId(),
                        second.getVersion(),
                        Language.EN,
                        "Service goals",
                        "<p>We greet every customer within 30 seconds.</p>",
                        null));
        List<SectionComparison> comparison =
                as(a.hq, () -> charters.compare(first.getId(), second.getId(), Language.EN, key -> key));
        SectionComparison changed = comparison.stream()
                .filter(c -> c.kind() == SectionKind.SERVICE_GOALS)
                .findFirst()
                .orElseThrow();
        assertTrue(changed.changed());
        String rendered = changed.lines().toString();
        assertTrue(rendered.contains("<ins>") && rendered.contains("30"), rendered);
        assertTrue(rendered.contains("<del>"), rendered);
        assertFalse(comparison.stream()
                .filter(c -> c.kind() == SectionKind.PRIVACY)
                .findFirst()
                .orElseThrow()
                .changed());
    }

    @Test
    void thePublicPageShowsTheVersionInForceOnTheDayAskedAndOnlyPublicSections() throws Exception {
        String slug = franchiseSlug(a);
        assertEquals(
                null, published.read(slug, null, null, List.of()).orElseThrow().version(), "nothing published yet");
        CharterVersion first = frozenVersion(a);
        fixtures.publish(a.franchiseId, first.getId(), LocalDate.of(2026, 1, 1));
        CharterVersion second = as(a.hq, charters::startDraft);
        CharterSection overview = second.section(SectionKind.OVERVIEW).orElseThrow();
        long lock = as(
                        a.hq,
                        () -> charters.saveSection(
                                overview.getId(),
                                second.getVersion(),
                                Language.EN,
                                "Overview",
                                "<p>Version two says more.</p>",
                                null))
                .getVersion();
        long lock2 = as(
                        a.hq,
                        () -> charters.saveSection(
                                overview.getId(),
                                lock,
                                Language.DE,
                                "Überblick",
                                "<p>Version zwei sagt mehr.</p>",
                                null))
                .getVersion();
        run(a.hq, () -> charters.describeChange(second.getId(), lock2, "Second"));
        long lock3 = as(a.hq, () -> charters.getVersion(second.getId())).getVersion();
        run(a.hq, () -> charters.freeze(second.getId(), lock3));
        fixtures.publish(a.franchiseId, second.getId(), LocalDate.of(2026, 6, 1));

        PublicCharter march = published
                .read(slug, null, LocalDate.of(2026, 3, 1), List.of(Language.DE))
                .orElseThrow();
        assertEquals(1, march.version().number());
        assertEquals(Language.DE, march.language());
        assertEquals(LocalDate.of(2026, 6, 1), march.version().until());
        PublicCharter july = published
                .read(slug, null, LocalDate.of(2026, 7, 1), List.of(Language.EL))
                .orElseThrow();
        assertEquals(2, july.version().number());
        assertEquals(Language.EN, july.language(), "a language the franchise does not write falls back to its default");
        assertTrue(july.sections().stream().anyMatch(s -> s.body().contains("Version two")));
        assertFalse(
                july.sections().stream()
                        .anyMatch(
                                s -> s.kind() == SectionKind.CONDUCT_RULES || s.kind() == SectionKind.CUSTOMER_PROFILE),
                "internal sections are never public");
        assertEquals(
                null,
                published
                        .read(slug, null, LocalDate.of(2025, 12, 31), List.of())
                        .orElseThrow()
                        .version());
        assertEquals(2, july.history().size());
        PublicCharter store = published.read(slug, "a1", null, List.of()).orElseThrow();
        assertEquals("A1", store.store().code());
        assertEquals("+371 6000 0000", store.store().channels().get(0).contact());
        assertTrue(published.read(slug, "NOPE", null, List.of()).isEmpty());
        assertTrue(published
                .read("no-such-franchise-" + World.suffix(), null, null, List.of())
                .isEmpty());
        // another franchise's address shows only its own charter, never A's
        assertEquals(
                null,
                published
                        .read(franchiseSlug(b), null, null, List.of())
                        .orElseThrow()
                        .version());

        // over HTTP: language, caching headers, a validator that answers 304, and a clear 400 for a bad date
        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create(
                "http://127.0.0.1:" + deployed.getPort() + "/" + Deployments.CONTEXT + "/c/" + slug + "/A1?lang=de");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).build(), BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Version zwei sagt mehr."), "German text of the version in force");
        assertTrue(response.body().contains("lang=\"de\""));
        assertFalse(response.body().contains("CONDUCT_RULES"));
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertTrue(response.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"));
        assertEquals(
                304,
                http.send(
                                HttpRequest.newBuilder(page)
                                        .header("If-None-Match", etag)
                                        .build(),
                                BodyHandlers.ofString())
                        .statusCode());
        assertEquals(
                400,
                http.send(
                                HttpRequest.newBuilder(URI.create(page + "&on=yesterday"))
                                        .build(),
                                BodyHandlers.ofString())
                        .statusCode());
        assertEquals(
                404,
                http.send(
                                HttpRequest.newBuilder(
                                                URI.create(page.toString().replace("/A1", "/ZZ9")))
                                        .build(),
                                BodyHandlers.ofString())
                        .statusCode());

        // printed: the same text as a PDF, with version, language and content hash in the footer; and the poster
        HttpResponse<byte[]> pdf = http.send(
                HttpRequest.newBuilder(URI.create(page.toString().replace("/c/", "/pdf/")))
                        .build(),
                BodyHandlers.ofByteArray());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        String printed = pdfText(pdf.body()).replaceAll("\\s+", " ");
        assertTrue(printed.contains("Version zwei sagt mehr."), printed);
        String sha = published
                .read(slug, "A1", null, List.of(Language.DE))
                .orElseThrow()
                .version()
                .sha256();
        assertTrue(printed.contains("SHA-256 " + sha), "the footer carries the content hash: " + printed);
        HttpResponse<byte[]> poster = http.send(
                HttpRequest.newBuilder(URI.create(page.toString().replace("/c/", "/poster/")))
                        .build(),
                BodyHandlers.ofByteArray());
        assertEquals(200, poster.statusCode());
        assertTrue(pdfText(poster.body()).contains("/c/" + slug + "/A1"), "the poster names the store's address");
    }

    @Inject
    org.charter.web.publication.PublicSide publicSide;

    /**
     * The public side under abuse: any number of {@code ?on=} days costs one page per version, a print is
     * rendered once, links and the poster's QR code come from the configured public address whatever Host the
     * request names, and each address gets only so many prints a minute. Requests come from addresses of their
     * own on the loopback network, so the limit they reach is theirs alone.
     */
    @Test
    void thePublicSideHoldsUnderAbuse() throws Exception {
        String slug = franchiseSlug(a);
        CharterVersion first = frozenVersion(a);
        LocalDate effective = LocalDate.of(2026, 1, 1);
        fixtures.publish(a.franchiseId, first.getId(), effective);
        String base = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("charter.public.base-url", String.class)
                .orElse("http://localhost:8080")
                .replaceAll("/+$", "");
        String path = "/" + Deployments.CONTEXT + "/c/" + slug + "/A1";

        // a thousand different days: one page before the first version, one for the version, never more
        int before = publicSide.pageCount();
        String reader = loopbackAddress();
        java.util.Set<String> etags = new java.util.HashSet<>();
        LocalDate day = effective.minusDays(300);
        for (int i = 0; i < 1000; i++) {
            Raw page = get(reader, path + "?lang=de&on=" + day.plusDays(i), "127.0.0.1", null);
            assertEquals(200, page.status(), "day " + day.plusDays(i));
            etags.add(page.header("ETag"));
            assertTrue(publicSide.pageCount() <= publicSide.pageBound());
        }
        assertEquals(2, etags.size(), "all the days of one version read the same page");
        assertTrue(
                publicSide.pageCount() - before <= 2,
                "a thousand days kept " + (publicSide.pageCount() - before) + " pages");
        Raw march = get(reader, path + "?lang=de&on=2026-03-15", "127.0.0.1", null);
        assertTrue(march.text().contains("on=" + effective), "links carry the version's day, not the day asked");

        // the PDF: rendered once for two different days of the same version
        String printer = loopbackAddress();
        long renders = publicSide.renders();
        String pdfPath = path.replace("/c/", "/pdf/") + "?lang=de&on=";
        long started = System.nanoTime();
        Raw pdf = get(printer, pdfPath + "2026-02-03", "evil.example", null);
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Raw again = get(printer, pdfPath + "2026-04-05", "evil.example", null);
        long cachedMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Raw english = get(printer, pdfPath.replace("lang=de", "lang=en") + "2026-02-03", "127.0.0.1", null);
        long warmMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("miss", english.header("X-Charter-Cache"), "another language is another print");
        System.out.println("PDF first (cold) " + firstMillis + " ms, first (warm, another language) " + warmMillis
                + " ms, cached " + cachedMillis + " ms");
        assertEquals(200, pdf.status());
        assertEquals(200, again.status());
        assertEquals("miss", pdf.header("X-Charter-Cache"));
        assertEquals("hit", again.header("X-Charter-Cache"));
        assertEquals(renders + 2, publicSide.renders(), "three requests, two languages, two renderings");
        assertTrue(java.util.Arrays.equals(pdf.body(), again.body()));
        // every link in the printed page is absolute, from the configured address; the forged Host is nowhere
        List<String> links = pdfLinks(pdf.body());
        assertTrue(links.contains(base + "/pdf/" + slug + "/A1?lang=de&on=" + effective), links.toString());
        for (String link : links) {
            assertTrue(link.startsWith(base + "/") || link.startsWith("mailto:") || link.startsWith("tel:"), link);
        }
        assertFalse(pdfText(pdf.body()).contains("evil.example"));

        // the poster's QR code opens the store's page at the configured address, whatever the Host header says
        Raw poster = get(printer, path.replace("/c/", "/poster/") + "?lang=de", "evil.example:8443", null);
        assertEquals(200, poster.status());
        assertEquals(base + "/c/" + slug + "/A1", qrCode(poster.body()));
        assertTrue(pdfText(poster.body()).contains(base + "/c/" + slug + "/A1"));
        assertFalse(pdfText(poster.body()).contains("evil.example"));

        // one address asking too often is answered 429, in its language, with the time to wait; others are not
        String greedy = loopbackAddress();
        int allowed = publicSide.printsPerMinute();
        int ok = 0;
        Raw refused = null;
        long burst = System.nanoTime();
        for (int i = 0; i < 2 * allowed + 10 && refused == null; i++) {
            Raw answer = get(greedy, path.replace("/c/", "/pdf/") + "?on=2026-02-03", "127.0.0.1", "lv-LV,lv;q=0.9");
            if (answer.status() == 200) {
                ok++;
            } else {
                assertEquals(429, answer.status());
                refused = answer;
            }
        }
        assertTrue(refused != null, "no refusal after " + ok + " prints");
        // the bucket refills evenly while the burst runs: allow what came back in that time, and no more
        long refilled = 1 + (System.nanoTime() - burst) * allowed / java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        assertTrue(
                ok >= allowed && ok <= allowed + refilled,
                ok + " prints allowed, the limit is " + allowed + " and " + refilled + " came back meanwhile");
        long wait = Long.parseLong(refused.header("Retry-After"));
        assertTrue(wait >= 1 && wait <= 60, "Retry-After " + wait);
        assertEquals(
                org.charter.web.shell.Texts.text(Language.LV.locale(), "public.tooMany", wait),
                refused.text().strip());
        assertTrue(refused.header("Content-Type").startsWith("text/plain"));
        assertEquals(
                200, get(printer, pdfPath + "2026-02-03", "127.0.0.1", null).status(), "another address");
    }

    /** A response read off the wire. */
    record Raw(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(200));

    /** A loopback address no other request of this run uses. */
    private static String loopbackAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "127.0." + (1 + n / 250 % 250) + "." + (1 + n % 250);
    }

    /** GET over HTTP/1.0 from {@code from}, naming {@code host} in the Host header (which a client may forge). */
    private Raw get(String from, String path, String host, String acceptLanguage) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(
                java.net.InetAddress.getByName("127.0.0.1"),
                deployed.getPort(),
                java.net.InetAddress.getByName(from),
                0)) {
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n"
                    + (acceptLanguage == null ? "" : "Accept-Language: " + acceptLanguage + "\r\n")
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] all = socket.getInputStream().readAllBytes();
            int end = 0;
            while (end + 3 < all.length
                    && !(all[end] == '\r' && all[end + 1] == '\n' && all[end + 2] == '\r' && all[end + 3] == '\n')) {
                end++;
            }
            String[] lines = new String(all, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            return new Raw(
                    Integer.parseInt(lines[0].split(" ")[1]),
                    headers,
                    java.util.Arrays.copyOfRange(all, Math.min(all.length, end + 4), all.length));
        }
    }

    private static List<String> pdfLinks(byte[] pdf) throws java.io.IOException {
        List<String> links = new java.util.ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
                            && link.getAction()
                                    instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri) {
                        links.add(uri.getURI());
                    }
                }
            }
        }
        return links;
    }

    /** What the first image of the PDF's first page says as a QR code. */
    private static String qrCode(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.pdmodel.PDResources resources =
                    document.getPage(0).getResources();
            for (org.apache.pdfbox.cos.COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name)
                        instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                    java.awt.image.BufferedImage picture = image.getImage();
                    int[] pixels =
                            picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
                    com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(
                            new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(
                                    picture.getWidth(), picture.getHeight(), pixels)));
                    return new com.google.zxing.qrcode.QRCodeReader()
                            .decode(bitmap)
                            .getText();
                }
            }
        }
        throw new AssertionError("the poster has no image");
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private String franchiseSlug(World world) {
        return as(PLATFORM, franchises::listFranchises).stream()
                .filter(f -> f.getId().equals(world.franchiseId))
                .findFirst()
                .orElseThrow()
                .getSlug();
    }

    @Test
    void onlyHeadquartersWritesTheCharter() {
        for (String who : List.of(a.manager, a.employee, PLATFORM)) {
            assertThrows(AccessDeniedException.class, () -> as(who, charters::startDraft), who);
            assertThrows(AccessDeniedException.class, () -> as(who, charters::listVersions), who);
        }
    }

    private CharterVersion writeEverything(World world, CharterVersion draft, Language... languages) {
        return Drafts.writeEverything(charters, world, draft, languages);
    }

    private CharterVersion frozenVersion(World world) {
        return Drafts.frozenVersion(charters, world);
    }
}
