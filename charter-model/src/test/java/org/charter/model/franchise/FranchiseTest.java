package org.charter.model.franchise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import org.charter.model.common.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FranchiseTest {

    @Test
    void theDefaultLanguageIsAlwaysSupported() {
        Franchise franchise = new Franchise("Kafejnīca", "kafe", Language.LV, EnumSet.of(Language.EN), "Europe/Riga");
        assertEquals(List.of(Language.LV, Language.EN), franchise.getSupportedLanguages());
        assertEquals(Language.LV, franchise.getDefaultLanguage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-cafe", "cafe-", "Café", "ca fe", "a/b", "0123456789012345678901234567890123456789x"})
    void slugsThatCannotBeAddressesAreRefused(String slug) {
        assertThrows(
                BusinessException.class,
                () -> new Franchise("Cafe", slug, Language.EN, EnumSet.noneOf(Language.class), "Europe/Berlin"));
    }

    @Test
    void unknownTimeZonesAreRefused() {
        assertThrows(
                BusinessException.class,
                () -> new Franchise("Cafe", "cafe", Language.EN, EnumSet.noneOf(Language.class), "Mars/Olympus"));
    }

    @Test
    void languageTagsAreMatchedByLanguage() {
        assertEquals(Language.DE, Language.fromTag("de-AT").orElseThrow());
        assertEquals(Language.MS, Language.fromTag("ms_MY").orElseThrow());
        assertEquals(java.util.Optional.empty(), Language.fromTag("fr"));
    }
}
