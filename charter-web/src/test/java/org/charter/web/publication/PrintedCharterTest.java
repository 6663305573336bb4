package org.charter.web.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.TargetUnit;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.charter.service.publication.PublicCharter;
import org.charter.web.shell.HtmlChecker;
import org.junit.jupiter.api.Test;

/** The HTML the printed charter and the poster are drawn from is valid HTML, in each language. */
class PrintedCharterTest {

    private static PublicCharter charter(Language language) {
        var version = new PublicCharter.VersionInfo(
                2, LocalDate.of(2026, 11, 1), null, "9f86d081884c7d659a2feaa0c55ad015", "Shorter answer times");
        var earlier = new PublicCharter.VersionInfo(
                1, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 11, 1), "2c26b46b68ffc68ff99b453c1d304134", null);
        var store = new PublicCharter.StoreInfo(
                "RIX-01",
                "Rīga <Centrs>",
                "Brīvības iela 1",
                "LV-1010",
                "Rīga",
                "LV",
                "Europe/Riga",
                List.of(
                        new PublicCharter.Channel(ChannelKind.IN_PERSON, null, "Mo-Fr 08:00-20:00; Sa 10:00-16:00"),
                        new PublicCharter.Channel(ChannelKind.PHONE, "+371 6700 0000", "Mo-Su 00:00-24:00")));
        var sections = List.of(
                new PublicCharter.Section(
                        SectionKind.OVERVIEW, "Our promise", "<p>We serve you <strong>well</strong>.</p>", List.of()),
                new PublicCharter.Section(
                        SectionKind.SERVICE_STANDARDS,
                        "Standards",
                        "<ul><li>Friendly</li><li>Fast</li></ul>",
                        List.of(new PublicCharter.Standard(
                                ChannelKind.PHONE, 20, TargetUnit.SECONDS, "We answer within 20 seconds."))));
        return new PublicCharter(
                "Kafe & Co",
                "demo",
                List.of(Language.EN, Language.LV, Language.DE, Language.EL),
                language,
                LocalDate.of(2026, 12, 1),
                store,
                version,
                sections,
                List.of(version, earlier));
    }

    @Test
    void thePrintedCharterAndThePosterAreValidHtml() throws Exception {
        HtmlChecker checker = new HtmlChecker();
        List<String> errors = new ArrayList<>();
        for (Language language : List.of(Language.EN, Language.LV, Language.DE, Language.EL)) {
            PublicCharter charter = charter(language);
            String printed = PrintedCharter.charterHtml(charter, "https://charter.example.com");
            assertTrue(printed.contains("@bottom-center"), "the footer is in the print styles");
            errors.addAll(checker.errors("printed charter " + language.tag(), printed));
            errors.addAll(checker.errors(
                    "poster " + language.tag(),
                    PrintedCharter.posterHtml(charter, "https://charter.example.com/c/demo/RIX-01")));
        }
        assertEquals(List.of(), errors, "the W3C checker's errors");
    }
}
