package org.charter.web.pages;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium driving the product's pages, with the few steps every page test needs. */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    /** The narrowest phone the pages are made for (WCAG's reflow width): 320 CSS pixels. */
    static final Dimension PHONE = new Dimension(320, 740);

    private final ChromeDriver driver;
    private final String base;
    private final Path screenshots;

    /** axe-core's findings on the pages this browser showed: each address once, each screenshot's state once. */
    final Accessibility accessibility = new Accessibility();

    private final boolean script;

    Browser(URL base) {
        this(base, true);
    }

    /** A browser with scripts on, or off ({@code script} false: the customer's phone that runs none). */
    Browser(URL base, boolean script) {
        this.script = script;
        ChromeOptions options = new ChromeOptions();
        if (!script) {
            options.setExperimentalOption(
                    "prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setBinary(System.getProperty("charter.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        new java.io.File(System.getProperty("charter.chromedriver", "/usr/bin/chromedriver")))
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(DESKTOP);
        String url = base.toExternalForm();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.screenshots = Path.of(System.getProperty("charter.screenshots", "target/screenshots"));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page and has axe-core audit it (once per address and language). */
    void open(String path) {
        driver.get(base + path);
        audit("opened");
    }

    /**
     * axe-core on the page now shown, keyed by {@code state}. A browser without script audits nothing itself: the
     * same pages are audited by a browser with script in the accessibility walk.
     */
    void audit(String state) {
        if (script) {
            accessibility.audit(driver, state);
        }
    }

    /** Switches the pages' language with the header's language links. */
    void switchLanguage(String tag) {
        retryWhileThePageChanges(() -> new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//form[@id='language']//a[@lang='" + tag + "']")))
                .click());
        // the page is being replaced: its language is read by script, never through an element that may be gone
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> tag.equals(driver.executeScript("return document.documentElement.lang;")));
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    WebElement find(String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        retryWhileThePageChanges(() -> {
            WebElement input = find(id);
            input.clear();
            input.sendKeys(text);
        });
    }

    void click(String id) {
        retryWhileThePageChanges(() -> new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.id(id)))
                .click());
    }

    /**
     * A form post re-renders the page; an element found just before the new page replaced the old one is gone.
     * Such a step is tried again on the new page, a few times at most.
     */
    private void retryWhileThePageChanges(Runnable step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3
                        || e.getMessage() == null
                        || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
        }
    }

    /** Waits until the page shows the text anywhere, and returns the page's text. */
    String waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return bodyText();
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Signs in and waits for the signed-in page. */
    void signIn(String username, String password) {
        attemptSignIn(username, password);
        find("session:signOut");
    }

    /** Submits the sign-in form without expecting it to succeed. */
    void attemptSignIn(String username, String password) {
        open("/login.xhtml");
        type("login:username", username);
        type("login:password", password);
        click("login:signIn");
    }

    /** Fills in the set-password page with a one-time code and submits it; the caller checks the outcome. */
    void submitSetPassword(String username, String code, String password) {
        open("/set-password.xhtml");
        type("setPassword:username", username);
        type("setPassword:code", code);
        type("setPassword:password", password);
        type("setPassword:repeat", password);
        click("setPassword:save");
    }

    void signOut() {
        click("session:signOut");
        find("login:username");
    }

    /**
     * Picks {@code label} in a PrimeFaces one-menu (its panel lists the items), again if a click landed while the
     * panel was still opening, until the menu shows the label.
     */
    void choose(String menuId, String label) {
        for (int attempt = 1; ; attempt++) {
            click(menuId);
            WebElement item = new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']")));
            // the panel may still be sliding open over the page: the item's own click handler, as a pointer fires it
            driver.executeScript("arguments[0].click();", item);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * The keyboard alone: presses Tab until the element {@code id} has the focus (at most 80 times, as someone
     * without a mouse would), and fails when it never gets it; returns the focused element.
     */
    WebElement tabTo(String id) {
        for (int presses = 0; presses < 80; presses++) {
            WebElement focused = driver.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            new org.openqa.selenium.interactions.Actions(driver)
                    .sendKeys(org.openqa.selenium.Keys.TAB)
                    .perform();
        }
        throw new AssertionError("Tab never reached #" + id + "; the focus is on "
                + driver.switchTo().activeElement().getAttribute("outerHTML"));
    }

    /** Presses keys on whatever has the focus. */
    void press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Zooms the pages as a reader does with Ctrl and +: at 200 % the 1280 px window lays out 640 CSS pixels, each
     * drawn twice as large; 100 gives the window back its own size.
     */
    void zoom(int percent) {
        if (percent == 100) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            return;
        }
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of(
                        "width", DESKTOP.width * 100 / percent,
                        "height", DESKTOP.height * 100 / percent,
                        "deviceScaleFactor", percent / 100.0,
                        "mobile", false));
    }

    /** Whether the page fits the window's width: nothing to scroll sideways (reflow at 320 px). */
    boolean fitsTheWidth() {
        Object fits = driver.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /** Whether the focused element shows a focus indicator: an outline or a box shadow that is not "none". */
    boolean focusIsVisible() {
        Object shown = driver.executeScript("const e = document.activeElement, s = getComputedStyle(e);"
                + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';");
        return Boolean.TRUE.equals(shown);
    }

    /** Saves what the browser shows as target/screenshots/{name}.png, and has axe-core audit that state. */
    void screenshot(String name) {
        audit(name);
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
