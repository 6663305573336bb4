package org.charter.web.shell;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/** The W3C's HTML checker, run in the test: the errors it finds in a page (warnings are printed, not returned). */
public final class HtmlChecker {

    private final EmbeddedValidator checker = new EmbeddedValidator();

    public HtmlChecker() {
        checker.setOutputFormat(EmbeddedValidator.OutputFormat.TEXT);
    }

    /** The checker's error lines for {@code page}, each prefixed with {@code name}; empty when the page is valid. */
    public List<String> errors(String name, byte[] page) throws java.io.IOException {
        String report;
        try {
            report = checker.validate(new ByteArrayInputStream(page));
        } catch (org.xml.sax.SAXException e) {
            return List.of(name + ": unreadable: " + e.getMessage());
        }
        System.out.println("[html] " + name + ": " + (report.isBlank() ? "valid" : report));
        return report.lines()
                .filter(line -> line.startsWith("Error"))
                .map(line -> name + ": " + line)
                .toList();
    }

    public List<String> errors(String name, String page) throws java.io.IOException {
        return errors(name, page.getBytes(StandardCharsets.UTF_8));
    }
}
