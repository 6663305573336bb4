package org.charter.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.charter.model.common.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceHoursTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "24/7",
                "Mo-Fr 09:00-18:00",
                "Mo-Fr 09:00-18:00; Sa 10:00-14:00",
                "Mo,We,Fr 08:00-12:00, 13:00-17:00",
                "Sa-Su off",
                "Mo-Su 00:00-24:00"
            })
    void readableHoursAreKept(String hours) {
        assertEquals(hours, ServiceHours.normalise(hours));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Mon-Fri 9-5",
                "Mo-Fr 25:00-26:00",
                "Mo-Fr 09:00",
                "always",
                "<script>alert(1)</script>",
                "Mo-Fr 09:00-18:00;"
            })
    void unreadableHoursAreRefused(String hours) {
        assertThrows(BusinessException.class, () -> ServiceHours.normalise(hours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void noHoursAreNoHours(String hours) {
        assertNull(ServiceHours.normalise(hours));
    }

    @org.junit.jupiter.api.Test
    void whitespaceIsTidied() {
        assertEquals("Mo-Fr 09:00-18:00", ServiceHours.normalise("  Mo-Fr   09:00-18:00 "));
    }
}
