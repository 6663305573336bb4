package org.charter.service.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.charter.model.franchise.Language;
import org.junit.jupiter.api.Test;

class PublicTimelineTest {

    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

    private final PublicTimeline timeline = new PublicTimeline(
            "demo", List.of(Language.EN, Language.DE), Language.DE, "Europe/Riga", List.of(JUNE, JANUARY, JUNE));

    @Test
    void anyDayMapsToTheEffectiveDateOfTheVersionInForce() {
        assertEquals(List.of(JANUARY, JUNE), timeline.changes(), "sorted, each once");
        assertEquals(Optional.empty(), timeline.clamp(LocalDate.of(2025, 12, 31)), "nothing in force yet");
        assertEquals(Optional.of(JANUARY), timeline.clamp(JANUARY));
        assertEquals(Optional.of(JANUARY), timeline.clamp(LocalDate.of(2026, 5, 31)));
        assertEquals(Optional.of(JUNE), timeline.clamp(JUNE));
        assertEquals(Optional.of(JUNE), timeline.clamp(LocalDate.of(9999, 12, 31)));
    }

    @Test
    void aThousandDaysGiveAtMostOneKeyPerVersionAndOneForNoneYet() {
        Set<Optional<LocalDate>> keys = new HashSet<>();
        LocalDate day = LocalDate.of(2025, 10, 1);
        for (int i = 0; i < 1000; i++) {
            keys.add(timeline.clamp(day.plusDays(i)));
        }
        assertEquals(Set.of(Optional.empty(), Optional.of(JANUARY), Optional.of(JUNE)), keys);
    }

    @Test
    void theReaderGetsTheFirstLanguageTheFranchiseWritesElseItsDefault() {
        assertEquals(Language.EN, timeline.language(List.of(Language.EL, Language.EN, Language.DE)));
        assertEquals(Language.DE, timeline.language(List.of(Language.LV)));
        assertEquals(Language.DE, timeline.language(List.of()));
    }

    @Test
    void withoutAnyVersionEveryDayIsNoneYet() {
        PublicTimeline empty = new PublicTimeline("x", List.of(Language.EN), Language.EN, "UTC", List.of());
        assertEquals(Optional.empty(), empty.clamp(null));
        assertEquals(Optional.empty(), empty.clamp(JUNE));
    }
}
