package org.charter.web.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.charter.web.shell.HtmlChecker;
import org.charter.web.shell.Pdf;
import org.junit.jupiter.api.Test;

class ReceiptPageTest {

    private static final ReceiptPage SIGNED = new ReceiptPage(
            "Kafe <Demo> & Co",
            "Ilze Bērziņa (E-104)",
            3,
            "lv",
            "Es esmu izlasījusi apkalpošanas hartu un ievērošu to.",
            "Ilze Bērziņa",
            OffsetDateTime.parse("2026-11-30T08:15:00+02:00"),
            "PASSWORD",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            null);

    @Test
    void theReceiptsHtmlIsValidInEveryLanguage() throws Exception {
        HtmlChecker checker = new HtmlChecker();
        List<String> errors = new ArrayList<>();
        for (String tag : List.of("en", "de", "el", "lv", "ms")) {
            errors.addAll(checker.errors("receipt " + tag, SIGNED.html(tag)));
        }
        errors.addAll(checker.errors(
                "receipt with a checkpoint",
                new ReceiptPage(
                                "Demo",
                                "Anna",
                                1,
                                "en",
                                "I have read it.",
                                "Anna",
                                OffsetDateTime.parse("2026-11-30T08:15:00Z"),
                                "SESSION_PIN",
                                "ab",
                                "#42 · 2026-11-30 · 7d1e")
                        .html("en")));
        assertEquals(List.of(), errors, "the W3C checker's errors");
        // the checker does find what the receipt once lacked
        assertEquals(
                1,
                checker.errors("no title", SIGNED.html("en").replaceFirst("<title>.*</title>", ""))
                        .size());
    }

    @Test
    void theReceiptEscapesWhatPeopleTypedAndTurnsIntoAPdf() throws Exception {
        String html = SIGNED.html("en");
        assertTrue(html.contains("Kafe &lt;Demo&gt; &amp; Co"), html);
        assertTrue(html.contains("lang=\"en\""), html);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Pdf.render(html, pdf);
        assertTrue(new String(pdf.toByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));
    }
}
