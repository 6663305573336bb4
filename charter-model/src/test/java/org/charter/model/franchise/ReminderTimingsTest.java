package org.charter.model.franchise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.charter.model.common.BusinessException;
import org.junit.jupiter.api.Test;

class ReminderTimingsTest {

    @Test
    void theDefaultsAreAYearlyReviewAndNineInTheMorning() {
        assertEquals(new ReminderTimings(12, 30, 3, 7, 9, 1), ReminderTimings.DEFAULTS);
    }

    @Test
    void eachValueOutsideItsRangeIsRefusedNamingTheField() {
        BusinessException hour = assertThrows(BusinessException.class, () -> new ReminderTimings(12, 30, 3, 7, 24, 1));
        assertEquals("error.reminders.range", hour.getMessageKey());
        assertEquals("reminderHour", hour.getArguments()[0]);
        assertThrows(BusinessException.class, () -> new ReminderTimings(0, 30, 3, 7, 9, 1));
        assertThrows(BusinessException.class, () -> new ReminderTimings(12, -1, 3, 7, 9, 1));
        assertThrows(BusinessException.class, () -> new ReminderTimings(12, 30, 61, 7, 9, 1));
        assertThrows(BusinessException.class, () -> new ReminderTimings(12, 30, 3, 61, 9, 1));
        assertEquals(
                "digestDay",
                assertThrows(BusinessException.class, () -> new ReminderTimings(12, 30, 3, 7, 9, 8))
                        .getArguments()[0]);
        assertEquals(7, new ReminderTimings(60, 180, 60, 60, 23, 7).digestDay());
    }
}
