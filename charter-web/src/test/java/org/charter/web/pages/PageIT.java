package org.charter.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.charter.web.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The product as its users meet it: the shipped WAR on Payara Micro, the demo franchise, headless Chromium.
 * Screenshots land in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageIT {

    private static final String DEMO_PASSWORD = "charter-demo";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.asShipped();
    }

    @ArquillianResource
    URL deployed;

    /**
     * Micro listens on loopback only, and the URL Arquillian reports carries the host's name (and, once the
     * application has REST endpoints, loses its context path): only its port is taken.
     */
    private URL base;

    private Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        base = new URL("http", "127.0.0.1", deployed.getPort(), "/" + Deployments.CONTEXT + "/");
        browser = new Browser(base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        assertEquals(
                List.of(),
                browser.accessibility.failures(),
                "axe-core found serious or critical violations (WCAG 2.2 AA) on the pages this test showed");
    }

    @Test
    void headquartersMakesAnApiTokenThatWorksUntilItIsRevoked() throws Exception {
        browser.signIn("hq", DEMO_PASSWORD);
        browser.click("nav-tokens");
        browser.waitForText(text("en", "tokens.intro"));
        browser.screenshot("tokens-hq");
        browser.click("tokens:create");
        browser.waitForText(ResourceBundle.getBundle("org.charter.web.i18n.faces", Locale.ENGLISH)
                .getString("jakarta.faces.component.UIInput.REQUIRED")
                .replace("{0}", text("en", "tokens.name")));
        browser.screenshot("tokens-name-missing-hq");

        String name = "Payroll " + UUID.randomUUID().toString().substring(0, 8);
        browser.type("tokens:name", name);
        browser.click("tokens:create");
        browser.waitForText(text("en", "tokens.madeTitle"));
        String token = browser.find("tokens:secret").getAttribute("value");
        assertTrue(token.startsWith("chr_") && token.length() == 47, token);
        browser.screenshot("tokens-created-hq");

        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest stores = HttpRequest.newBuilder(base.toURI().resolve("api/v1/stores"))
                .header("Authorization", "Bearer " + token)
                .build();
        HttpResponse<String> listed = http.send(stores, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"RIX-01\""), listed.body());

        browser.driver()
                .findElement(By.xpath("//tr[contains(., '" + name + "')]//button[contains(@id, 'revoke')]"))
                .click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        browser.waitForText(text("en", "tokens.revoked").replace("{0}", name));
        browser.screenshot("tokens-revoked-hq");
        assertEquals(
                401, http.send(stores, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void headquartersImportStaffFromCsvWithOneErrorShownAndFixed() throws Exception {
        browser.signIn("hq", DEMO_PASSWORD);
        browser.click("nav-import");
        browser.waitForText(text("en", "import.intro"));
        browser.screenshot("import-hq");

        String run = UUID.randomUUID().toString().substring(0, 6);
        String header = "employee_number;full_name;store;language\n";
        String first = "W-" + run + "-1;Wiebke Neumann;RIX-01;de\n";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("staff-", ".csv");
        java.nio.file.Files.writeString(file, header + first + "W-" + run + "-2;Ole Berg;NOPE-1;\n");
        browser.find("upload:file").sendKeys(file.toString());
        browser.click("upload:check");
        browser.waitForText(text("en", "import.errorsTitle"));
        assertTrue(
                browser.bodyText().contains(text("en", "error.api.unknownStore").replace("{0}", "NOPE-1")));
        assertTrue(
                browser.driver().findElements(By.id("preview:apply")).isEmpty(),
                "a file with errors cannot be applied");
        browser.screenshot("import-error-hq");

        browser.click("preview:again");
        java.nio.file.Files.writeString(file, header + first + "W-" + run + "-2;Ole Berg;RIX-01;\n");
        browser.find("upload:file").sendKeys(file.toString());
        browser.click("upload:check");
        browser.waitForText(text("en", "import.changesTitle"));
        browser.screenshot("import-preview-hq");
        browser.click("preview:apply");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        browser.waitForText(text("en", "import.applied")
                .replace("{0}", "2")
                .replace("{1}", "0")
                .replace("{2}", "0"));
        browser.screenshot("import-applied-hq");
        java.nio.file.Files.delete(file);
    }

    @Test
    void headquartersRegistersAWebhookSeesItsSecretOnceAndDisablesIt() {
        browser.signIn("hq", DEMO_PASSWORD);
        browser.click("nav-webhooks");
        browser.waitForText(text("en", "webhooks.intro"));
        browser.screenshot("webhooks-hq");
        browser.type("webhooks:url", "not an address");
        browser.click("webhooks:register");
        browser.waitForText(text("en", "webhook.url").replace("{0}", "not an address"));
        browser.screenshot("webhooks-bad-address-hq");

        String address =
                "http://127.0.0.1:9/hooks/" + UUID.randomUUID().toString().substring(0, 8);
        browser.type("webhooks:url", address);
        browser.click("webhooks:register");
        browser.waitForText(text("en", "webhooks.madeTitle"));
        assertTrue(browser.find("webhooks:secret").getAttribute("value").startsWith("whsec_"));
        browser.screenshot("webhooks-registered-hq");

        browser.driver()
                .findElement(By.xpath("//tr[contains(., '" + address + "')]//button[contains(@id, 'disable')]"))
                .click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".ui-confirmdialog-yes")))
                .click();
        browser.waitForText(text("en", "webhooks.disabled").replace("{0}", address));
        browser.screenshot("webhooks-disabled-hq");
    }

    @Test
    void headquartersDownloadAnEvidencePackAndVerifyIt() throws Exception {
        browser.signIn("hq", DEMO_PASSWORD);
        browser.click("nav-evidence");
        browser.waitForText(text("en", "evidence.downloadIntro"));
        browser.screenshot("evidence-hq");
        byte[] pack = download("hq/evidence-pack?store=RIX-01&version=1");
        assertEquals('P', pack[0]);
        assertEquals('K', pack[1]);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("evidence-", ".zip");
        java.nio.file.Files.write(file, pack);
        browser.find("verify:file").sendKeys(file.toString());
        browser.click("verify:check");
        browser.waitForText(text("en", "evidence.intact").substring(0, 20));
        browser.screenshot("evidence-intact-hq");

        // the same pack with one byte of its people table changed
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(pack))) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        files.get("people.csv")[0] ^= 1;
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(file))) {
            for (var entry : files.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        browser.find("verify:file").sendKeys(file.toString());
        browser.click("verify:check");
        browser.waitForText(text("en", "evidence.broken"));
        browser.waitForText(text("en", "evidence.changed").replace("{0}", "people.csv"));
        browser.screenshot("evidence-broken-hq");
        java.nio.file.Files.delete(file);

        // the whole franchise's pack, built in the background while the page polls its progress
        browser.type("whole:wholeVersion_input", "1");
        browser.click("whole:build");
        browser.waitForText(text("en", "evidence.requested").replace("{0}", "1"));
        browser.screenshot("evidence-whole-requested-hq");
        WebElement ready = new org.openqa.selenium.support.ui.WebDriverWait(
                        browser.driver(), java.time.Duration.ofSeconds(180))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[id='whole:jobs'] tbody tr:first-child a.download")));
        browser.screenshot("evidence-whole-ready-hq");
        String href = ready.getAttribute("href");
        assertTrue(href.startsWith(base.toExternalForm() + "hq/evidence-pack?job="), href);
        byte[] whole = download(href.substring(base.toExternalForm().length()));
        java.util.Set<String> names = new java.util.HashSet<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(whole))) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        }
        assertTrue(
                names.containsAll(
                        java.util.List.of("README.txt", "SHA256SUMS", "SHA256SUMS.seal", "stores/RIX-01/people.csv")),
                names.toString());
    }

    @Test
    void theSignInPageSpeaksEveryLanguage() {
        browser.open("/login.xhtml");
        for (String tag : List.of("de", "el", "lv", "ms", "en")) {
            browser.driver()
                    .findElement(By.xpath("//form[@id='language']//a[@lang='" + tag + "']"))
                    .click();
            String expected = text(tag, "login.signIn");
            browser.waitForText(text(tag, "login.firstTime"));
            assertEquals(expected, browser.find("login:signIn").getText(), tag);
            assertEquals(tag, browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
            browser.screenshot("login-" + tag);
        }
    }

    @Test
    void eachRoleLandsOnItsOwnPages() {
        browser.signIn("platform", DEMO_PASSWORD);
        browser.find("nav-franchises");
        assertTrue(browser.driver().findElements(By.id("nav-stores")).isEmpty());
        browser.screenshot("dashboard-platform");
        browser.signOut();

        browser.signIn("hq", DEMO_PASSWORD);
        browser.find("nav-stores");
        browser.waitForText("Demo Coffee Company");
        assertTrue(browser.driver().findElements(By.id("nav-franchises")).isEmpty());
        browser.screenshot("dashboard-hq");
        browser.click("nav-stores");
        browser.waitForText("RIX-01");
        browser.screenshot("stores-hq");
        browser.click("nav-audit");
        browser.waitForText(text("en", "audit.intact"));
        browser.screenshot("audit-hq");
        browser.signOut();

        // the Riga manager's own language is Latvian: the pages follow it after sign-in
        browser.signIn("manager", DEMO_PASSWORD);
        browser.find("nav-roster").click();
        browser.waitForText("Jānis Bērziņš");
        assertTrue(browser.bodyText().contains(text("lv", "roster.title")));
        assertFalse(browser.bodyText().contains("Γιώργος"), "another store's people never show");
        browser.screenshot("roster-manager-lv");
        // another store's address, or another franchise's, is "not found", never an empty roster
        for (String page :
                List.of("/store/roster.xhtml?store=", "/store/training.xhtml?store=", "/store/feedback.xhtml?store=")) {
            browser.open(page + storeId("ATH-01"));
            browser.waitForText(text("lv", "error.page.404.title"));
            browser.open(page + UUID.randomUUID());
            browser.waitForText(text("lv", "error.page.404.title"));
        }
        browser.screenshot("not-found-manager-lv");
        // a person's file, from the roster; another store's person is "not found"
        browser.open("/store/roster.xhtml");
        browser.driver().findElement(By.linkText("Jānis Bērziņš")).click();
        browser.waitForText(text("lv", "file.quizTries"));
        assertTrue(browser.find("personStores").getText().contains("RIX-01"));
        browser.screenshot("person-file-manager-lv");
        browser.open("/store/person.xhtml?id="
                + demoId(
                        "select m.person_id::text from store_membership m join store s on s.id = m.store_id"
                                + " join franchise f on f.id = s.tenant_id where f.slug = 'demo' and s.code = ? limit 1",
                        "ATH-01"));
        browser.waitForText(text("lv", "error.page.404.title"));
        browser.open("/app/index.xhtml");
        browser.signOut();

        browser.resize(Browser.PHONE);
        browser.signIn("employee", DEMO_PASSWORD);
        browser.waitForText(text("lv", "dashboard.training.emptyTitle"));
        assertTrue(browser.driver().findElements(By.id("nav-roster")).isEmpty()
                || !browser.driver().findElement(By.id("nav-roster")).isDisplayed());
        browser.screenshot("dashboard-employee-phone");
        assertTrue(browser.fitsTheWidth(), "dashboard-employee-phone" + ": nothing to scroll sideways at 320 px");
        // pages of other roles are refused, whatever the URL
        browser.open("/hq/stores.xhtml");
        browser.waitForText(text("lv", "error.page.403.title"));
        browser.screenshot("forbidden-employee-phone");
        browser.open("/platform/franchises.xhtml");
        browser.waitForText(text("lv", "error.page.403.title"));
        // her own file names the store she works in
        browser.open("/app/me.xhtml");
        assertTrue(
                browser.find("myStores").getText().startsWith("RIX-01"),
                browser.find("myStores").getText());
        browser.screenshot("my-file-employee-phone");
        assertTrue(browser.fitsTheWidth(), "my-file-employee-phone: nothing to scroll sideways at 320 px");
    }

    @Test
    void signingInRenewsTheSessionAndSigningOutEndsIt() {
        browser.open("/login.xhtml");
        Cookie before = browser.driver().manage().getCookieNamed("CHARTER_SESSION");
        assertNotNull(before, "the sign-in page holds a session for its form");
        browser.type("login:username", "hq");
        browser.type("login:password", DEMO_PASSWORD);
        browser.click("login:signIn");
        browser.find("nav-stores");
        Cookie after = browser.driver().manage().getCookieNamed("CHARTER_SESSION");
        assertNotEquals(before.getValue(), after.getValue());
        assertTrue(after.isHttpOnly());
        assertEquals("Lax", after.getSameSite());
        browser.signOut();
        // a protected page asks for sign-in first, then shows the page that was asked for
        browser.open("/hq/stores.xhtml");
        browser.type("login:username", "hq");
        browser.type("login:password", DEMO_PASSWORD);
        browser.click("login:signIn");
        browser.waitForText("RIX-01");
        assertTrue(
                browser.driver().getCurrentUrl().endsWith("/hq/stores.xhtml"),
                browser.driver().getCurrentUrl());
    }

    @Test
    void aManagerAddsSomeoneWhoSetsTheirOwnPassword() {
        String username = "new." + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("manager.ber", DEMO_PASSWORD);
        browser.click("nav-roster");
        browser.click("list:add");
        browser.type("editor:fullName", "Zoë Æbelø");
        browser.type("editor:username", username);
        browser.type("editor:employeeNumber", "BER-" + username.substring(4));
        browser.click("editor:save");
        String code = browser.find("issued-code").getText();
        assertEquals(11, code.length(), code);
        browser.waitForText("Zoë Æbelø");
        browser.screenshot("roster-added-de");
        browser.signOut();

        browser.submitSetPassword(username, code, "short");
        browser.waitForText(text("en", "error.password.short").replace("{0}", "10"));
        browser.type("setPassword:code", code);
        browser.type("setPassword:password", "a long enough secret");
        browser.type("setPassword:repeat", "a long enough secret");
        browser.click("setPassword:save");
        browser.waitForText(text("en", "setPassword.done"));

        browser.signIn(username, "a long enough secret");
        browser.waitForText("Zoë Æbelø");
        browser.signOut();

        // a used code does not work twice
        browser.submitSetPassword(username, code, "another long secret");
        browser.waitForText(text("en", "error.setupCode"));

        // guessing is slowed down, with a message that says what to do and does not tell a wrong password from
        // an account that must wait: after the free attempts even the right password is not taken
        for (int i = 1; i <= 5; i++) {
            browser.attemptSignIn(username, "wrong guess " + i);
            browser.waitForText(text("en", "login.failed"));
        }
        browser.attemptSignIn(username, "a long enough secret");
        browser.waitForText(text("en", "login.failed"));
        assertTrue(
                browser.driver().findElements(By.id("session:signOut")).isEmpty(), "not signed in while slowed down");
        browser.screenshot("login-slowed-down");
    }

    @Test
    void headquartersAddsAStoreAndIsToldWhatIsWrongFirst() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        browser.signIn("hq", DEMO_PASSWORD);
        browser.open("/hq/store.xhtml");
        // nothing filled in: each required field is marked and names its own message (the audit checks them all)
        browser.click("store:save");
        browser.waitForText(text("en", "field.code") + ": ");
        browser.screenshot("store-required");
        WebElement codeField = browser.find("store:code");
        assertEquals("true", codeField.getAttribute("aria-invalid"));
        WebElement codeError = browser.find(codeField.getAttribute("aria-describedby"));
        assertTrue(codeError.getText().startsWith(text("en", "field.code")), codeError.getText());
        browser.type("store:code", code);
        browser.type("store:name", "Test Store " + code);
        browser.type("store:city", "Rīga");
        browser.driver()
                .findElements(By.cssSelector("input[id$=':hours']"))
                .get(0)
                .sendKeys("whenever");
        browser.click("store:save");
        browser.waitForText(
                text("en", "error.store.hours").replace("{0}", "whenever").substring(0, 20));
        browser.screenshot("store-invalid-hours");
        var hours = browser.driver()
                .findElements(By.cssSelector("input[id$=':hours']"))
                .get(0);
        hours.clear();
        hours.sendKeys("Mo-Fr 09:00-18:00");
        browser.click("store:save");
        browser.waitForText(code);
        assertTrue(browser.bodyText().contains("Test Store " + code));
        browser.screenshot("store-saved");
        // a link to a record that does not exist, or is not ours, is a plain "not found"
        browser.open("/hq/store.xhtml?id=" + UUID.randomUUID());
        browser.waitForText(text("en", "error.page.404.title"));
        browser.open("/hq/store.xhtml?id=%27%3Cscript%3E");
        browser.waitForText(text("en", "error.page.404.title"));
        assertFalse(PageIT.showsStackTrace(browser.driver().getPageSource()));
    }

    @Test
    void thePlatformOnboardsAFranchiseAndGetsItsFirstCode() {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("platform", DEMO_PASSWORD);
        browser.click("nav-franchises");
        browser.type("onboard:name", "Καφέ " + slug);
        browser.type("onboard:slug", slug);
        browser.type("onboard:adminFullName", "Ελένη Test");
        browser.type("onboard:adminUsername", "hq-" + slug);
        browser.click("onboard:create");
        assertEquals(11, browser.find("issued-code").getText().length());
        browser.waitForText("Καφέ " + slug);
        browser.screenshot("franchise-onboarded");
    }

    @Test
    void headquartersWritesTheCharterInTwoLanguagesFreezesItAndComparesVersions() throws Exception {
        String slug = "ch-" + UUID.randomUUID().toString().substring(0, 8);
        String hq = "hq-" + slug;
        browser.signIn("platform", DEMO_PASSWORD);
        browser.click("nav-franchises");
        browser.type("onboard:name", "Charter test " + slug);
        browser.type("onboard:slug", slug);
        browser.driver()
                .findElement(By.cssSelector("label[for='onboard:languages:1']"))
                .click();
        browser.type("onboard:adminFullName", "Charlotte Test");
        browser.type("onboard:adminUsername", hq);
        browser.click("onboard:create");
        String code = browser.find("issued-code").getText();
        browser.signOut();
        browser.submitSetPassword(hq, code, "charter writer secret");
        browser.waitForText(text("en", "setPassword.done"));
        browser.signIn(hq, "charter writer secret");

        browser.click("nav-charter");
        browser.waitForText(text("en", "charter.emptyTitle"));
        browser.click("start:startDraft");
        browser.waitForText(text("en", "charter.draftStarted"));
        writeEverySection("en", "Our promise", "We serve every customer with care.");
        addStandard("We reply to every e-mail");
        browser.screenshot("charter-editor-en");

        browser.driver()
                .findElement(By.cssSelector("label[for='draft:language:1']"))
                .click();
        browser.waitForText(text("en", "charter.translationHint"));
        writeEverySection("de", "Unser Versprechen", "Wir bedienen jede Kundin und jeden Kunden sorgfältig.");
        WebElement promise = browser.driver().findElement(By.cssSelector("input[id$=':promise']"));
        promise.sendKeys("Wir beantworten jede E-Mail");
        browser.driver()
                .findElement(By.cssSelector("button[id$=':saveStandard']"))
                .click();
        browser.waitForText(text("en", "saved"));
        browser.screenshot("charter-editor-de");

        browser.type("draft:changeSummary", "First charter");
        browser.click("draft:saveSummary");
        browser.waitForText(text("en", "saved"));
        browser.click("draft:freeze");
        browser.driver().findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
        browser.waitForText(text("en", "charter.frozenMessage").replace("{0}", "1"));
        assertTrue(browser.bodyText().contains(text("en", "versionStatus.FROZEN")));

        rollOutSignAndPublish(slug, hq, "charter writer secret");
        browser.signIn(hq, "charter writer secret");
        browser.click("nav-charter");

        browser.click("start:startDraft");
        browser.waitForText(text("en", "charter.draftStarted"));
        WebElement editor = browser.driver()
                .findElements(By.cssSelector(".section-card .ql-editor"))
                .get(3);
        editor.sendKeys(" We greet you within 30 seconds.");
        browser.driver()
                .findElements(By.cssSelector("button[id$=':saveSection']"))
                .get(3)
                .click();
        browser.waitForText(text("en", "charter.sectionSaved").replace("{0}", text("en", "section.SERVICE_GOALS")));
        browser.click("compare");
        browser.waitForText(text("en", "compare.changed"));
        WebElement goals = browser.find("compare-SERVICE_GOALS");
        assertTrue(goals.getAttribute("class").contains("changed"));
        assertFalse(goals.findElements(By.tagName("ins")).isEmpty(), "the new words are marked");
        browser.screenshot("charter-compare");
    }

    /**
     * The whole rollout as its people live it: HQ writes the quiz and starts the rollout; the store manager plans
     * a session; one employee trains and signs on her own phone (failing the quiz once), another on the manager's
     * device with his own PIN, the manager on her own; the board empties, HQ publishes, customers see it.
     */
    @Test
    void headquartersRecordsAReviewAndSendsAFailedMailAgain() throws Exception {
        String answer = "550 5.1.1 <hq-"
                + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.test>:" + " mailbox unavailable";
        failedMailForDemoHeadquarters(answer);
        browser.signIn("hq", DEMO_PASSWORD);
        browser.find("failedMails");
        browser.screenshot("dashboard-hq-failed-mail");

        browser.click("nav-review");
        browser.waitForText(text("en", "review.record"));
        browser.click("record:noChange");
        // refused at its field, in the page's language; nothing recorded
        browser.waitForText(ResourceBundle.getBundle("org.charter.web.i18n.faces", Locale.ENGLISH)
                .getString("jakarta.faces.component.UIInput.REQUIRED")
                .replace("{0}", text("en", "review.note")));
        String note = "Every promise still holds after the winter season " + System.nanoTime() + ".";
        browser.type("record:note", note);
        browser.click("record:noChange");
        browser.waitForText(text("en", "review.recorded"));
        browser.waitForText(note);
        browser.screenshot("review-hq");

        browser.click("nav-delivery");
        browser.waitForText(answer);
        browser.screenshot("delivery-failed-hq");
        browser.driver()
                .findElement(By.xpath(
                        "//tr[contains(., '" + answer.substring(4, 30) + "')]//button[contains(@id, 'sendAgain')]"))
                .click();
        browser.waitForText(text("en", "delivery.queuedAgain"));
        browser.screenshot("delivery-queued-again-hq");
    }

    @Test
    void aCustomerComplainsInGreekWithoutScriptAndTheStoreTheEmployeeAndHeadquartersActOnIt() throws Exception {
        String reference;
        String status;
        String address = "pelatis-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        try (Browser customer = new Browser(base, false)) {
            // on their phone, scripts off, from the store's public page
            customer.resize(Browser.PHONE);
            customer.open("/c/demo/ATH-01?lang=el");
            customer.click("feedback");
            customer.find("send");
            assertEquals("el", customer.driver().findElement(By.tagName("html")).getAttribute("lang"));
            customer.click("kind-COMPLAINT");
            new org.openqa.selenium.support.ui.Select(customer.find("channel")).selectByValue("IN_PERSON");
            customer.click("rating-2");
            customer.type("message", "Περίμενα δέκα λεπτά στο ταμείο και κανείς δεν με χαιρέτησε.");
            customer.type("servedBy", "Γιώργος");
            customer.type("contactEmail", address);
            customer.click("consent");
            customer.screenshot("feedback-form-el-phone");
            // a person takes more than the form's minimum time (three seconds) to write
            Thread.sleep(3_200);
            customer.click("send");
            customer.waitForText(text("el", "feedback.case.thanks"));
            reference = customer.find("reference").getText();
            assertTrue(reference.matches("[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}"), reference);
            status = customer.driver().getCurrentUrl();
            // no reply yet, and the page says where it will come
            assertEquals(
                    text("el", "feedback.case.noReplyYet"),
                    customer.find("noReply").getText());
            customer.screenshot("feedback-sent-el-phone");
        }
        assertEquals(List.of("el"), receiptLocales(address), "the receipt waits to go out, in Greek");

        // the Athens manager acknowledges, replies and asks for a retraining of the person who served
        browser.signIn("manager.ath", DEMO_PASSWORD);
        browser.click("nav-cases");
        browser.waitForText(reference);
        browser.screenshot("cases-manager-el");
        browser.driver().findElement(By.linkText(reference)).click();
        browser.waitForText(text("el", "case.deadlines"));
        assertEquals(text("el", "corrective.none"), browser.find("noActions").getText());
        browser.click("case:acknowledge");
        browser.waitForText(text("el", "case.acknowledged"));
        String reply = "Λυπούμαστε πολύ. Μιλήσαμε με την ομάδα της πρωινής βάρδιας.";
        browser.type("case:reply", reply);
        browser.click("case:sendReply");
        browser.waitForText(text("el", "case.replied"));
        browser.choose("corrective:person", "Γιώργος Νικολάου");
        browser.choose("corrective:kind", text("el", "corrective.kind.RETRAINING"));
        browser.find("corrective:due_input");
        browser.type("corrective:actionNote", "Χαιρετάμε κάθε πελάτη στον πάγκο.");
        browser.click("corrective:decide");
        browser.waitForText(text("el", "corrective.recorded"));
        browser.screenshot("case-manager-el");
        browser.signOut();

        // the customer reads the reply on their case's page and rates it with one click, still without scripts
        try (Browser customer = new Browser(base, false)) {
            customer.resize(Browser.PHONE);
            customer.driver().get(status.replaceAll("&sent=1", ""));
            customer.waitForText(reply);
            customer.click("stars-4");
            customer.waitForText(text("el", "feedback.case.done.rate"));
            customer.screenshot("feedback-rated-el-phone");
        }

        // the employee does the retraining on their phone: read again, sign
        browser.resize(Browser.PHONE);
        browser.signIn("giorgos.nikolaou", DEMO_PASSWORD);
        browser.open("/app/me.xhtml");
        browser.driver().findElement(By.cssSelector("a[id$=':retrain']")).click();
        browser.find("retraining:next");
        browser.screenshot("retraining-employee-el-phone");
        assertTrue(browser.fitsTheWidth(), "retraining-employee-el-phone" + ": nothing to scroll sideways at 320 px");
        // page by page (v1 of the demo charter has no quiz: after the last page comes the signature)
        for (int page = 0;
                page < 30
                        && browser.driver()
                                .findElements(By.id("retraining:typedName"))
                                .isEmpty();
                page++) {
            WebElement next = browser.find("retraining:next");
            next.click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(next));
        }
        browser.type("retraining:typedName", "Γιώργος Νικολάου");
        browser.click("retraining:confirm");
        browser.waitForText(text("el", "retraining.signed"));
        browser.find("done");
        browser.screenshot("retraining-done-employee-el-phone");
        browser.signOut();
        browser.resize(Browser.DESKTOP);

        // headquarters see it in the overview, with the chart
        browser.signIn("hq", DEMO_PASSWORD);
        browser.click("nav-feedback");
        browser.find("chart");
        browser.waitForText(text("en", "overview.byMonth"));
        assertFalse(browser.driver()
                .findElements(By.cssSelector("#chart .bar.COMPLAINT"))
                .isEmpty());
        browser.screenshot("feedback-overview-hq");
    }

    /** The languages of the receipts queued for {@code address}. */
    private static List<String> receiptLocales(String address) throws Exception {
        java.util.Properties superuser = new java.util.Properties();
        superuser.setProperty("user", System.getProperty("charter.test.db.admin.user", "postgres"));
        try (java.sql.Connection db =
                        new org.postgresql.Driver().connect(System.getProperty("charter.test.db.url"), superuser);
                java.sql.PreparedStatement query = db.prepareStatement(
                        "select mail_locale from notice where kind = 'FEEDBACK_RECEIPT' and mail_address = ?")) {
            query.setString(1, address);
            List<String> locales = new java.util.ArrayList<>();
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    locales.add(rows.getString(1));
                }
            }
            return locales;
        }
    }

    /** A mail to the demo's headquarters that failed for good, as the engine leaves one after its last attempt. */
    /** The id of a demo store, read as the database's superuser. */
    private static String storeId(String code) {
        return demoId(
                "select s.id::text from store s join franchise f on f.id = s.tenant_id"
                        + " where f.slug = 'demo' and s.code = ?",
                code);
    }

    /** The one value {@code sql} selects for {@code argument}, read as the database's superuser. */
    private static String demoId(String sql, String argument) {
        java.util.Properties superuser = new java.util.Properties();
        superuser.setProperty("user", System.getProperty("charter.test.db.admin.user", "postgres"));
        try (java.sql.Connection db =
                        new org.postgresql.Driver().connect(System.getProperty("charter.test.db.url"), superuser);
                java.sql.PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, argument);
            try (java.sql.ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), argument);
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void failedMailForDemoHeadquarters(String answer) throws Exception {
        java.util.Properties superuser = new java.util.Properties();
        superuser.setProperty("user", System.getProperty("charter.test.db.admin.user", "postgres"));
        try (java.sql.Connection db =
                        new org.postgresql.Driver().connect(System.getProperty("charter.test.db.url"), superuser);
                java.sql.PreparedStatement insert = db.prepareStatement("with n as (insert into notice (id, tenant_id,"
                        + " person_id, kind, occurrence, params, link, mandatory, created_at, mail_address, mail_locale,"
                        + " mail_status, mail_attempts, mail_next_at, mail_answer, mail_attempted_at) select"
                        + " gen_random_uuid(), p.tenant_id, p.id, 'REVIEW_COMING', 'page-test:' || gen_random_uuid(),"
                        + " '{\"version\":\"1\",\"due\":\"2027-11-30\"}', '/hq/review.xhtml', true, now() - interval '1 hour',"
                        + " 'hq@example.test', 'en', 'FAILED', 3, now(), ?, now()"
                        + " from person p join account a on a.id = p.account_id where a.username = 'hq' returning id, tenant_id)"
                        + " insert into mail_event (tenant_id, notice_id, at, event, answer) select n.tenant_id, n.id,"
                        + " now() - make_interval(mins => 60 - 10 * i), case when i = 3 then 'FAILED' else 'RETRY' end, ?"
                        + " from n cross join generate_series(1, 3) i")) {
            insert.setString(1, answer);
            insert.setString(2, answer);
            assertEquals(3, insert.executeUpdate());
        }
    }

    private void rollOutSignAndPublish(String slug, String hq, String hqPassword) throws java.io.IOException {
        browser.open("/hq/store.xhtml");
        browser.type("store:code", "S1");
        browser.type("store:name", "Store one");
        browser.click("store:save");
        browser.waitForText("Store one");
        String emma = "emma-" + slug;
        String sam = "sam-" + slug;
        String mia = "mia-" + slug;
        String emmaCode = addEmployee("Emma Employee", emma);
        String samCode = addEmployee("Sam Staff", sam);
        browser.click("nav-managers");
        browser.click("list:appoint");
        browser.type("editor:fullName", "Mia Manager");
        browser.type("editor:username", mia);
        browser.click("editor:storeIds");
        browser.driver()
                .findElement(
                        By.xpath(
                                "//*[@id='editor:storeIds_panel']//li[contains(., 'S1')]//div[contains(@class,'ui-chkbox-box')]"))
                .click();
        browser.click("editor:save");
        String miaCode = browser.find("issued-code").getText();

        browser.click("nav-rollout");
        assertTrue(browser.find("start:quizMissing").getText().contains("en"), "the rollout waits for a quiz");
        // opening the quiz page before any question is written shows its empty state and writes nothing
        try (DatabaseFingerprint fingerprint = new DatabaseFingerprint()) {
            Map<String, String> before = fingerprint.take();
            browser.click("start:toQuiz");
            browser.waitForText(text("en", "quiz.noQuestionsTitle"));
            assertEquals(List.of(), DatabaseFingerprint.changed(before, fingerprint.take()), "a GET of the quiz page");
        }
        writeQuestion("Who answers a complaint?");
        browser.open("/hq/quiz.xhtml?lang=de");
        writeQuestion("Wer beantwortet eine Beschwerde?");
        browser.screenshot("quiz-editor");
        assertFalse(browser.bodyText().contains(text("en", "quiz.missing").substring(0, 20)));
        browser.click("nav-rollout");
        browser.click("start:startRollout");
        browser.waitForText(text("en", "rollout.startedMessage").replace("{0}", "3"));
        browser.screenshot("rollout-board-open");
        browser.click("board:publish");
        browser.waitForText("S1 (3)");
        browser.signOut();

        // the manager plans a session and invites Sam
        browser.submitSetPassword(mia, miaCode, "mia runs the store");
        browser.signIn(mia, "mia runs the store");
        browser.click("nav-sessions");
        browser.type("planForm:place", "Back office");
        browser.type("planForm:trainer", "Mia Manager");
        browser.click("planForm:schedule");
        browser.waitForText(text("en", "session.scheduled"));
        browser.driver()
                .findElement(By.xpath("//label[contains(., 'Sam Staff')]"))
                .click();
        browser.click("seats:invite");
        browser.waitForText(text("en", "session.invitedMessage").replace("{0}", "1"));
        browser.screenshot("session-planned");
        String sessionPage = browser.driver().getCurrentUrl();
        // moved without dragging: a new start typed into the session's form
        // the typed time replaces the shown one (select all, then type: a date field keeps its text when cleared)
        WebElement newTime = browser.find("moveForm:moveTime_input");
        newTime.sendKeys(Keys.chord(Keys.CONTROL, "a"), "11:30");
        browser.click("moveForm:move");
        browser.waitForText(text("en", "sessions.moved").replace(" {0}.", ""));
        assertTrue(
                browser.find("details").getText().contains("11:30"),
                browser.find("details").getText());
        browser.screenshot("session-moved");
        // the calendar shows it (month view, the store's time), beside the people still to train
        browser.click("nav-sessions");
        browser.find("scheduleForm:schedule");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector("#scheduleForm\\:schedule .fc-event"))
                        .isEmpty());
        assertTrue(
                browser.find("stillOpen").getText().contains("Emma"),
                browser.find("stillOpen").getText());
        browser.screenshot("sessions-calendar");
        // dragged to the next day: moved with the form's checks, shown on its new day
        WebElement event = browser.driver().findElement(By.cssSelector("#scheduleForm\\:schedule .fc-event"));
        java.time.LocalDate day = java.time.LocalDate.parse(
                event.findElement(By.xpath("ancestor::td[@data-date]")).getAttribute("data-date"));
        String nextDay = day.plusDays(1).toString();
        WebElement target = browser.driver()
                .findElement(By.cssSelector("#scheduleForm\\:schedule td.fc-daygrid-day[data-date='" + nextDay + "']"));
        new org.openqa.selenium.interactions.Actions(browser.driver())
                .clickAndHold(event)
                .pause(java.time.Duration.ofMillis(200))
                .moveByOffset(8, 8)
                .pause(java.time.Duration.ofMillis(200))
                .moveToElement(target)
                .pause(java.time.Duration.ofMillis(200))
                .release()
                .perform();
        browser.waitForText(text("en", "sessions.moved").replace(" {0}.", ""));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElements(
                                By.cssSelector("#scheduleForm\\:schedule td[data-date='" + nextDay + "'] .fc-event"))
                        .isEmpty());
        browser.screenshot("sessions-calendar-dragged");
        browser.driver()
                .findElement(By.cssSelector("#scheduleForm\\:schedule .fc-timeGridWeek-button"))
                .click();
        browser.screenshot("sessions-calendar-week");
        String ics = new String(
                download("store/session.ics?id=" + sessionPage.replaceAll(".*[?&]id=([^&]+).*", "$1")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(ics.contains("BEGIN:VEVENT") && ics.contains("LOCATION:Back office"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE"), "the invite carries the store's zone");
        browser.signOut();

        // Sam chooses his PIN once
        browser.submitSetPassword(sam, samCode, "sam works the till");
        browser.signIn(sam, "sam works the till");
        browser.click("nav-me");
        browser.type("pin:password", "sam works the till");
        browser.type("pin:newPin", "4826");
        browser.click("pin:savePin");
        browser.waitForText(text("en", "me.pinSaved"));
        browser.signOut();

        // Emma on her phone: reads page by page, fails the quiz once, passes, signs
        browser.submitSetPassword(emma, emmaCode, "emma signs the charter");
        browser.waitForText(text("en", "setPassword.done"));
        browser.resize(Browser.PHONE);
        browser.signIn(emma, "emma signs the charter");
        browser.waitForText(text("en", "dashboard.training.open").replace("{0}", "1"));
        // the rollout told her in her inbox: unread in the header; opening it marks it read and leads to the training
        // on a phone the menu is folded: its button carries the count too
        assertEquals("1", browser.find("menuUnread").getText());
        assertFalse(browser.driver().findElements(By.id("unreadCount")).isEmpty());
        browser.open("/app/inbox.xhtml");
        browser.waitForText(text("en", "inbox.mail.NONE"));
        browser.find("noEmail");
        browser.screenshot("inbox-phone");
        assertTrue(browser.fitsTheWidth(), "inbox-phone" + ": nothing to scroll sideways at 320 px");
        browser.driver().findElement(By.cssSelector("button[id$=':open']")).click();
        browser.waitForText(text("en", "training.title"));
        assertTrue(browser.driver().findElements(By.id("unreadCount")).isEmpty(), "read now");
        browser.open("/app/index.xhtml");
        browser.click("goTraining");
        readEveryPage();
        browser.screenshot("training-quiz-phone");
        assertTrue(browser.fitsTheWidth(), "training-quiz-phone" + ": nothing to scroll sideways at 320 px");
        answerQuiz("Wrong");
        browser.click("training:submitQuiz");
        String failed = browser.find("training:failed").getText();
        assertTrue(failed.startsWith("0 of 1 right"), failed);
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector(".quiz input:checked"))
                        .isEmpty(),
                "the retake starts blank and shows nothing of which answers were right");
        answerQuiz("Right");
        browser.click("training:submitQuiz");
        browser.waitForText(
                org.charter.service.rollout.Statements.training(org.charter.model.franchise.Language.EN, 1));
        // a post from elsewhere, without the session's form token, signs nothing; the address takes no GET
        String forged = (String) browser.driver()
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const form = document.getElementById('signForm');"
                        + "const fields = new URLSearchParams(new FormData(form));"
                        + "fields.set('token', 'forged'); fields.set('typedName', 'Emma Employee');"
                        + "fetch(form.action, {method: 'POST', body: fields})"
                        + ".then(r => fetch(form.action).then(g => done(r.url + ' ' + g.status)))"
                        + ".catch(e => done('failed ' + e));");
        assertTrue(forged.contains("problem=expired") && forged.endsWith(" 405"), forged);
        // a name other than the one on file is refused at the field, and nothing is signed
        browser.type("typedName", "Emma Someone");
        browser.click("confirm");
        browser.waitForText(text("en", "error.ack.name"));
        assertEquals("typedNameProblem", browser.find("typedName").getAttribute("aria-describedby"));
        browser.type("typedName", "Emma Employee");
        browser.click("confirm");
        browser.waitForText(text("en", "training.receipt"));
        browser.waitForText(text("en", "training.signedMessage").replace("{0}", "1"));
        assertTrue(browser.find("receipt").getText().contains("SHA-256"));
        browser.screenshot("training-signed-phone");
        assertTrue(browser.fitsTheWidth(), "training-signed-phone" + ": nothing to scroll sideways at 320 px");
        try (var receipt = org.apache.pdfbox.Loader.loadPDF(
                download(browser.find("downloadReceipt").getAttribute("href").replaceFirst("^.*?/charter/", "")))) {
            String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(receipt);
            assertTrue(printed.contains("Emma Employee") && printed.contains("SHA-256"), printed);
        }
        browser.open("/hq/rollout.xhtml");
        browser.waitForText(text("en", "error.page.403.title"));
        browser.resize(Browser.DESKTOP);
        browser.open("/app/index.xhtml");
        browser.signOut();

        // Mia hands her device to Sam in the session, then does her own training
        browser.signIn(mia, "mia runs the store");
        browser.driver().get(sessionPage);
        browser.driver().findElement(By.cssSelector("button[id$=':signHere']")).click();
        browser.waitForText(text("en", "session.signingFor").replace("{0}", "Sam Staff"));
        browser.type("signing:secret", "4826");
        browser.screenshot("session-confirm-pin-on-manager-device");
        browser.click("signing:confirmPin");
        answerQuiz("Right");
        browser.click("signing:submitQuiz");
        browser.type("signing:typedName", "Sam Staff");
        browser.screenshot("session-signing-on-manager-device");
        browser.click("signing:confirm");
        browser.waitForText(text("en", "session.signedMessage").replace("{0}", "Sam Staff"));
        browser.screenshot("session-after-signing");
        // her own training with the keyboard alone: no click from here to the receipt
        trainWithTheKeyboardOnly("Mia Manager");
        browser.open("/app/index.xhtml");
        browser.waitForText(text("en", "dashboard.manager.sessions"));
        browser.screenshot("manager-dashboard");
        browser.signOut();

        browser.signIn(hq, hqPassword);
        // headquarters' dashboard pictures the rollout: signed by region, over time, the stores behind
        browser.waitForText(text("en", "dashboard.rollout.title").replace("{0}", "1"));
        assertTrue(browser.find("signedChart")
                .findElement(By.tagName("svg"))
                .getAttribute("aria-label")
                .contains(text("en", "dashboard.rollout.overTime")));
        assertFalse(browser.driver()
                .findElements(By.cssSelector("#regionShares li"))
                .isEmpty());
        browser.screenshot("dashboard-hq-rollout");
        browser.click("nav-rollout");
        browser.screenshot("rollout-board-empty");
        browser.click("board:publish");
        browser.waitForText(text("en", "rollout.publishedMessage").replace("{0}", "1"));
        browser.open("/c/" + slug);
        browser.waitForText(text("en", "public.versionShort").replace("{0}", "1"));
        browser.screenshot("public-after-rollout");
        browser.open("/app/index.xhtml");
        browser.signOut();
    }

    /** Fetches a path with the browser's session, as a download link would. */
    /** Downloads with the browser's cookies, as following the link would (the session and its version). */
    private byte[] download(String path) {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base.toExternalForm() + path))
                                    .header("Cookie", cookies)
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(
                    200, response.statusCode(), path + " " + response.headers().map());
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String addEmployee(String fullName, String username) {
        browser.click("nav-roster");
        browser.click("list:add");
        browser.type("editor:fullName", fullName);
        browser.type("editor:username", username);
        browser.click("editor:save");
        browser.waitForText(username);
        return browser.find("issued-code").getText();
    }

    /** Adds a question with a right and a wrong choice in the language the quiz page shows. */
    private void writeQuestion(String prompt) {
        browser.type("add:prompt", prompt);
        List<WebElement> choices = browser.driver().findElements(By.cssSelector("input[id$=':choice']"));
        choices.get(0).sendKeys("Right: whoever takes it");
        choices.get(1).sendKeys("Wrong: only the manager");
        browser.driver()
                .findElement(By.cssSelector("[id$=':0:correct'] .ui-chkbox-box"))
                .click();
        browser.click("add:addQuestion");
        browser.waitForText(text("en", "quiz.questionAdded"));
    }

    /**
     * The employee journey with the keyboard alone, from any signed-in page: the skip link first, then the menu's
     * training link, each page of the reading with "next", the quiz's answers (arrow keys in a group of radio
     * buttons, the space bar on a check box), the quiz sent, the name typed and the signature confirmed, each
     * control reached with Tab and showing where the focus is. All of it at 200 % zoom, where the menu folds
     * behind its button and no page may need scrolling sideways.
     */
    private void trainWithTheKeyboardOnly(String name) {
        browser.zoom(200);
        browser.open("/app/index.xhtml");
        assertTrue(browser.fitsTheWidth(), "the dashboard at 200 %: nothing to scroll sideways");
        browser.tabTo("skipLink");
        assertTrue(browser.focusIsVisible(), "the skip link shows it has the focus");
        // the folded menu opens from the keyboard: its button takes the focus and shows it
        browser.tabTo("nav-toggle");
        assertEquals(
                Boolean.TRUE,
                browser.driver()
                        .executeScript("const s = getComputedStyle(document.querySelector('.nav-toggle-label'));"
                                + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"),
                "the menu button shows it has the focus");
        browser.press(Keys.SPACE);
        browser.tabTo("nav-training");
        assertTrue(browser.focusIsVisible(), "a menu link shows it has the focus");
        browser.screenshot("menu-keyboard-zoom200");
        browser.press(Keys.ENTER);
        browser.waitForText(pageLabel(1));
        assertTrue(browser.fitsTheWidth(), "the reading at 200 %: nothing to scroll sideways");
        for (int page = 2;
                browser.driver().findElements(By.id("training:submitQuiz")).isEmpty();
                page++) {
            assertTrue(page <= 30, "the quiz never came");
            browser.tabTo("training:next");
            browser.press(Keys.ENTER);
            String label = pageLabel(page);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> !d.findElements(By.id("training:submitQuiz")).isEmpty()
                            || d.findElement(By.tagName("body")).getText().contains(label));
        }
        browser.screenshot("training-quiz-keyboard-zoom200");
        assertTrue(browser.fitsTheWidth(), "the quiz at 200 %: nothing to scroll sideways");
        for (WebElement question : browser.driver().findElements(By.cssSelector(".quiz .question"))) {
            List<WebElement> radios = question.findElements(By.cssSelector("input[type='radio']"));
            if (!radios.isEmpty()) {
                browser.tabTo(radios.get(0).getAttribute("id"));
                for (int step = 0; !chosen(question, "Right"); step++) {
                    assertTrue(step < radios.size(), "the arrow keys never chose the right answer");
                    browser.press(step == 0 && !radios.get(0).isSelected() ? Keys.SPACE : Keys.ARROW_DOWN);
                }
            }
            for (WebElement box : question.findElements(By.cssSelector("input[type='checkbox']"))) {
                String label = question.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']"))
                        .getText();
                if (label.startsWith("Right")) {
                    browser.tabTo(box.getAttribute("id"));
                    browser.press(Keys.SPACE);
                }
            }
        }
        browser.tabTo("training:submitQuiz");
        browser.press(Keys.ENTER);
        browser.find("typedName");
        browser.tabTo("typedName");
        assertTrue(browser.focusIsVisible(), "the name field shows it has the focus");
        browser.press(name);
        browser.tabTo("confirm");
        browser.screenshot("training-sign-keyboard-zoom200");
        assertTrue(browser.fitsTheWidth(), "the signature at 200 %: nothing to scroll sideways");
        browser.press(Keys.ENTER);
        browser.waitForText(text("en", "training.receipt"));
        browser.screenshot("training-signed-keyboard-zoom200");
        assertTrue(browser.fitsTheWidth(), "the receipt at 200 %: nothing to scroll sideways");
        browser.zoom(100);
    }

    /** Whether the question's ticked choice is the one whose label starts with {@code prefix}. */
    private static boolean chosen(WebElement question, String prefix) {
        for (WebElement radio : question.findElements(By.cssSelector("input[type='radio']"))) {
            if (radio.isSelected()) {
                return question.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"))
                        .getText()
                        .startsWith(prefix);
            }
        }
        return false;
    }

    /** Goes through the training pages with "next" until the quiz shows. */
    private void readEveryPage() {
        browser.waitForText(pageLabel(1));
        for (int page = 2; page <= 30; page++) {
            browser.click("training:next");
            String label = pageLabel(page);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> !d.findElements(By.id("training:submitQuiz")).isEmpty()
                            || d.findElement(By.tagName("body")).getText().contains(label));
            if (!browser.driver().findElements(By.id("training:submitQuiz")).isEmpty()) {
                return;
            }
        }
        throw new AssertionError("the quiz never came");
    }

    private static String pageLabel(int page) {
        String pattern = text("en", "training.page");
        return pattern.substring(0, pattern.indexOf("{1}")).replace("{0}", String.valueOf(page));
    }

    /** Ticks every choice whose label starts with {@code prefix}. */
    private void answerQuiz(String prefix) {
        browser.waitForText(text("en", "quiz.submit"));
        for (WebElement label : browser.driver().findElements(By.cssSelector(".quiz label"))) {
            if (label.getText().startsWith(prefix)) {
                label.click();
            }
        }
    }

    private void writeEverySection(String tag, String title, String body) {
        int sections =
                browser.driver().findElements(By.cssSelector(".section-card")).size();
        assertEquals(13, sections);
        for (int i = 0; i < sections; i++) {
            var card = browser.driver()
                    .findElements(By.cssSelector(".section-card"))
                    .get(i);
            String heading = card.findElement(By.tagName("h2")).getText();
            WebElement titleInput = card.findElement(By.cssSelector("input[id$=':title']"));
            titleInput.clear();
            titleInput.sendKeys(title + " " + (i + 1));
            card.findElement(By.cssSelector(".ql-editor")).sendKeys(body + " (" + tag + " " + (i + 1) + ")");
            card.findElement(By.cssSelector("button[id$=':saveSection']")).click();
            browser.waitForText(text("en", "charter.sectionSaved").replace("{0}", heading));
        }
    }

    private void addStandard(String promise) {
        browser.driver().findElement(By.cssSelector("input[id$=':newPromise']")).sendKeys(promise);
        browser.driver()
                .findElement(By.cssSelector("button[id$=':addStandard']"))
                .click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(d ->
                        !d.findElements(By.cssSelector("input[id$=':promise']")).isEmpty());
    }

    @Test
    void customersReadTheCharterInForceInTheirLanguageAndPrintIt() throws Exception {
        browser.open("/c/demo/RIX-01?lang=lv");
        browser.waitForText(text("lv", "public.title"));
        assertTrue(browser.bodyText().contains("Brīvības iela 40"), "the store's own address and contacts");
        assertTrue(browser.find("version")
                .getText()
                .startsWith(text("lv", "public.versionShort").replace("{0}", "1")));
        browser.screenshot("public-store-lv");
        browser.resize(Browser.PHONE);
        browser.open("/c/demo/ATH-01");
        browser.driver()
                .findElement(By.cssSelector("nav.languages a[lang='el']"))
                .click();
        browser.waitForText(text("el", "public.title"));
        assertEquals("el", browser.driver().findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.driver().findElements(By.id("CONDUCT_RULES")).isEmpty(), "staff rules stay internal");
        browser.screenshot("public-store-el-phone");

        HttpClient http = HttpClient.newHttpClient();
        for (String tag : List.of("lv", "el")) {
            HttpResponse<byte[]> pdf = http.send(
                    HttpRequest.newBuilder(URI.create(base.toExternalForm() + "pdf/demo/RIX-01?lang=" + tag))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                assertTrue(printed.contains(text(tag, "public.title")), tag + ": " + printed);
                assertTrue(printed.contains(tag.equals("lv") ? "Rīga Centrs" : "Χάρτης"), tag + ": " + printed);
            }
        }
    }

    /**
     * Nothing changes state on a GET: someone not signed in and each demo role request every page the WAR ships,
     * the servlets, the public side and the health and API addresses, and every same-origin link those answers
     * hold; after each page every table's fingerprint (read as the superuser) is what it was before. Sessions
     * live in the server's data grid, not in the database; the one table left out is written by a timer, not by
     * a request ({@link DatabaseFingerprint#WRITTEN_BY_TIMERS}).
     */
    @Test
    void noGetChangesTheDatabase() throws Exception {
        List<String> starts = new java.util.ArrayList<>(GetWalk.shippedPages());
        starts.addAll(List.of(
                "feedback/demo/RIX-01",
                "feedback/demo/RIX-01?lang=el",
                "c/demo",
                "c/demo/RIX-01",
                "c/demo/RIX-01?lang=el&on=2020-01-01",
                "pdf/demo/RIX-01",
                "poster/demo/RIX-01",
                "app/receipt",
                "store/session.ics",
                "api/about",
                "/health",
                "/health/ready",
                "/health/live",
                "/metrics",
                "/openapi"));
        List<String> writes = new java.util.ArrayList<>();
        List<String> failures = new java.util.ArrayList<>();
        try (DatabaseFingerprint fingerprint = new DatabaseFingerprint()) {
            for (String user : java.util.Arrays.asList(null, "platform", "hq", "manager", "employee")) {
                java.util.Set<Cookie> session = java.util.Set.of();
                if (user != null) {
                    browser.signIn(user, DEMO_PASSWORD);
                    session = browser.driver().manage().getCookies();
                }
                // each role's own page first: the walk must be signed in as that role, and stay so
                String home = user == null
                        ? "login.xhtml"
                        : Map.of(
                                        "platform", "platform/franchises.xhtml",
                                        "hq", "hq/stores.xhtml",
                                        "manager", "store/roster.xhtml",
                                        "employee", "app/me.xhtml")
                                .get(user);
                List<String> walkFrom = new java.util.ArrayList<>(List.of(home));
                walkFrom.addAll(starts);
                walkFrom.add(home + "?again");
                GetWalk walk = new GetWalk(base.toURI(), session, fingerprint).from(walkFrom);
                assertTrue(walk.visited.size() > walkFrom.size(), user + " followed no link: " + walk.visited);
                assertEquals(200, walk.answered.get(Deployments.CONTEXT + "/" + home), user + ": " + walk.answered);
                assertEquals(
                        200,
                        walk.answered.get(Deployments.CONTEXT + "/" + home + "?again"),
                        user + " still signed in after the walk: " + walk.answered);
                walk.writes.forEach(write -> writes.add(user + ": " + write));
                walk.failures.forEach(failure -> failures.add(user + ": " + failure));
                System.out.println("[get-walk] " + user + ": " + walk.visited.size() + " addresses " + walk.answered);
                if (user != null) {
                    // the walk's pages took the session's places for views: sign out from a fresh page
                    browser.open("/app/index.xhtml");
                    browser.signOut();
                }
            }
        }
        // a server error is a defect of its own, not a write: listed for whoever owns the address
        failures.forEach(failure -> System.out.println("[get-walk] server error: " + failure));
        assertEquals(List.of(), writes, "a GET changed the database");
    }

    /**
     * WCAG 2.2 AA on every page each role reaches, in English and in Greek: every shipped page and public address,
     * and every page linked from those (so the pages that need an id are seen with one), audited by axe-core in
     * Chromium as that role. Pages that only show a role's refusal are audited once, as the error pages.
     */
    @Test
    void everyPageEachRoleReachesMeetsWcagAaInEnglishAndGreek() throws Exception {
        List<String> starts = new java.util.ArrayList<>(GetWalk.shippedPages());
        starts.addAll(List.of("feedback/demo/RIX-01", "c/demo", "c/demo/RIX-01", "feedback/demo/ATH-01"));
        for (String user : java.util.Arrays.asList(null, "platform", "hq", "manager", "employee")) {
            java.util.Set<Cookie> session = java.util.Set.of();
            if (user != null) {
                browser.signIn(user, DEMO_PASSWORD);
                session = browser.driver().manage().getCookies();
            }
            GetWalk walk = new GetWalk(base.toURI(), session, null).from(starts);
            // one address per page, the first found; the public side is the same for everyone: audited once
            Map<String, String> pages = new java.util.LinkedHashMap<>();
            for (String address : walk.pages) {
                String path = address.replaceFirst("\\?.*$", "");
                if (user == null || path.endsWith(".xhtml")) {
                    pages.putIfAbsent(path, address.substring(Deployments.CONTEXT.length() + 1));
                }
            }
            assertTrue(pages.size() > 3, user + " reached too few pages to audit: " + walk.pages);
            for (String language : List.of("en", "el")) {
                browser.open(user == null ? "/login.xhtml" : "/app/index.xhtml");
                browser.switchLanguage(language);
                for (String page : pages.values()) {
                    if (!page.contains(".xhtml")) {
                        // the public side takes its language from the address
                        page = page.replaceFirst("[?&]lang=[a-z]+", "");
                        page += (page.contains("?") ? "&" : "?") + "lang=" + language;
                    }
                    browser.driver().get(base + page);
                    browser.audit(user == null ? "not signed in" : user);
                }
            }
            System.out.println("[axe] " + (user == null ? "not signed in" : user) + ": " + pages.size()
                    + " pages, each in English and Greek");
            if (user != null) {
                browser.open("/app/index.xhtml");
                browser.signOut();
            }
        }
        browser.accessibility.findings.forEach((page, found) -> System.out.println(
                "[axe] " + page + ": " + (found.isEmpty() ? "no serious or critical violation" : found)));
        // the after-each check fails the test on any serious or critical violation, listing them
        assertTrue(
                browser.accessibility.findings.size() > 40,
                "pages audited: " + browser.accessibility.findings.keySet());
    }

    /**
     * The HTML the product writes itself: the public charter, store pages and feedback forms in four languages,
     * and its page template as the sign-in page and the employee's pages show it. Each is valid HTML by the W3C's
     * checker (errors fail; warnings are printed). The PDFs' HTML is checked by {@code PrintedCharterTest} and
     * {@code ReceiptPageTest}.
     */
    @Test
    void thePagesTheProductWritesItselfAreValidHtml() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        org.charter.web.shell.HtmlChecker checker = new org.charter.web.shell.HtmlChecker();
        List<String> errors = new java.util.ArrayList<>();
        for (String page : List.of(
                "c/demo?lang=en",
                "c/demo/RIX-01?lang=lv",
                "c/demo/ATH-01?lang=el",
                "feedback/demo/RIX-01?lang=de",
                "feedback/demo/ATH-01?lang=el")) {
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(base.toURI().resolve(page)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, answer.statusCode(), page);
            errors.addAll(checker.errors(page, answer.body()));
        }
        // the product's own page template, as the sign-in page and the employee's pages show it (pages of
        // PrimeFaces' tables and menus carry that library's markup: docs/accessibility.md)
        HttpResponse<byte[]> signInPage = http.send(
                HttpRequest.newBuilder(base.toURI().resolve("login.xhtml"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        errors.addAll(checker.errors("login.xhtml", signInPage.body()));
        browser.signIn("employee", DEMO_PASSWORD);
        for (String page : List.of("app/index.xhtml", "app/training.xhtml", "app/me.xhtml")) {
            errors.addAll(checker.errors(page, download(page)));
        }
        browser.signOut();
        assertEquals(List.of(), errors, "the W3C checker's errors");
    }

    @Test
    void healthMetricsAndTheApiDescriptionAnswer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String server = "http://127.0.0.1:" + base.getPort();
        HttpResponse<String> ready = http.send(
                HttpRequest.newBuilder(URI.create(server + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"database\"") && ready.body().contains("UP"), ready.body());
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(URI.create(server + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(metrics.body().contains("memory_usedHeap_bytes"), "heap figures are published");
        HttpResponse<String> openapi = http.send(
                HttpRequest.newBuilder(URI.create(server + "/openapi")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(openapi.body().contains("/api/about"), openapi.body());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/login.xhtml", "/hq/stores.xhtml", "/no-such-page.xhtml")) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base.toExternalForm() + path.substring(1)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var headers = response.headers();
            assertTrue(
                    headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals(
                    "strict-origin-when-cross-origin",
                    headers.firstValue("Referrer-Policy").orElse(""),
                    path);
            assertFalse(showsStackTrace(response.body()), path);
        }
        // scripts run only with this response's nonce: no string evaluation, no inline handlers, no bare scripts
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base.toExternalForm() + "login.xhtml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> policies = login.headers().allValues("Content-Security-Policy");
        assertTrue(policies.stream().noneMatch(p -> p.contains("unsafe-eval")), policies.toString());
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("script-src[^;]*'nonce-([^']+)'")
                .matcher(String.join(";", policies));
        assertTrue(nonce.find(), "a policy allows scripts by nonce only: " + policies);
        java.util.regex.Matcher scripts = java.util.regex.Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>")
                .matcher(login.body());
        int inline = 0;
        while (scripts.find()) {
            inline++;
            assertTrue(scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""), scripts.group());
        }
        assertTrue(inline > 0, "the page has its set-up script");
        assertFalse(
                java.util.regex.Pattern.compile("\\son(click|change|submit|keydown|keyup|load)=\"")
                        .matcher(login.body())
                        .find(),
                "no inline event handlers");
    }

    static boolean showsStackTrace(String page) {
        return page.contains(".java:")
                || page.contains("\tat ")
                || page.contains("at org.")
                || page.contains("SQLState");
    }

    private static String text(String tag, String key) {
        return ResourceBundle.getBundle("org.charter.web.i18n.messages", Locale.forLanguageTag(tag))
                .getString(key);
    }
}
