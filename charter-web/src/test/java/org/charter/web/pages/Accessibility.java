package org.charter.web.pages;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run in the page the browser shows, against WCAG 2.0, 2.1 and 2.2 at levels A and AA. Only serious and
 * critical violations count as failures (docs/accessibility.md); each is kept with the page it was found on, the
 * rule, and the first elements it names, so a failing test says where to look. One check of the product's own is
 * added: an invalid field must be described by the message that says what is wrong with it.
 */
final class Accessibility {

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Set<String> FAILING = Set.of("serious", "critical");

    /** What was found, page by page; a page with nothing to report is listed with an empty list. */
    final Map<String, List<String>> findings = new LinkedHashMap<>();

    private final Set<String> audited = new LinkedHashSet<>();

    /**
     * Audits the page now shown unless a page with the same key was audited already; the key is the address
     * without its query, the page's language, and {@code state} (say, the role, or "errors shown").
     */
    void audit(WebDriver driver, String state) {
        String url = driver.getCurrentUrl();
        String path = url.replaceFirst("[?#].*$", "");
        Object lang = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.lang;");
        String key = path + " [" + lang + "] " + state;
        if (!audited.add(key)) {
            return;
        }
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        if (results.isErrored()) {
            findings.put(key, List.of("axe-core could not run: " + results.getErrorMessage()));
            return;
        }
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!FAILING.contains(rule.getImpact())) {
                continue;
            }
            List<CheckedNode> nodes = rule.getNodes();
            StringBuilder where = new StringBuilder();
            for (CheckedNode node : nodes.subList(0, Math.min(3, nodes.size()))) {
                where.append("\n      ").append(node.getTarget()).append(": ").append(node.getFailureSummary());
            }
            found.add(rule.getImpact() + " " + rule.getId() + " (" + nodes.size() + "×): " + rule.getHelp() + where);
        }
        found.addAll(undescribedErrors(driver));
        findings.put(key, found);
    }

    /**
     * Every field marked invalid must name, in its {@code aria-describedby}, an element on the page that says what
     * is wrong: axe-core checks that such ids exist, not that an invalid field has one.
     */
    private static List<String> undescribedErrors(WebDriver driver) {
        @SuppressWarnings("unchecked")
        List<String> fields = (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('[aria-invalid=\"true\"]'))"
                        + ".filter(f => f.type !== 'hidden' && f.getClientRects().length > 0)"
                        + ".filter(f => !(f.getAttribute('aria-describedby') || '').split(/\\s+/)"
                        + ".some(id => id && document.getElementById(id)"
                        + " && document.getElementById(id).textContent.trim() !== ''))"
                        + ".map(f => f.id || f.name || f.outerHTML.slice(0, 80));");
        return fields.isEmpty()
                ? List.of()
                : List.of("serious field-error (" + fields.size() + "×): an invalid field names no message that says"
                        + " what is wrong: " + fields);
    }

    /** Every serious or critical violation found so far, one entry per page. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        findings.forEach((page, found) -> {
            if (!found.isEmpty()) {
                failures.add(page + "\n    " + String.join("\n    ", found));
            }
        });
        return failures;
    }
}
