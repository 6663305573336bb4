package org.charter.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HoursTextTest {

    private static final String HOURS = "Mo-Fr 09:00-18:00; We off; Sa 10:00-14:00, 15:00-24:00";

    @Test
    void daysAndTimesAreWrittenInTheReadersLanguage() {
        assertEquals(
                "Montag – Dienstag: 09:00 – 18:00; Mittwoch: geschlossen; Donnerstag – Freitag: 09:00 – 18:00;"
                        + " Samstag: 10:00 – 14:00, 15:00 – 24:00; Sonntag: geschlossen",
                HoursText.of(HOURS, Locale.GERMAN));
        assertEquals(
                // Greek writes the time on a 12-hour clock (the common locale data): midnight ends the day
                "Δευτέρα – Τρίτη: 9:00 π.μ. – 6:00 μ.μ.; Τετάρτη: κλειστά; Πέμπτη – Παρασκευή: 9:00 π.μ. – 6:00 μ.μ.;"
                        + " Σάββατο: 10:00 π.μ. – 2:00 μ.μ., 3:00 μ.μ. – 12:00 π.μ.; Κυριακή: κλειστά",
                HoursText.of(HOURS, Locale.forLanguageTag("el")));
        assertEquals(
                "Pirmdiena",
                HoursText.of("Mo 08:00-09:00", Locale.forLanguageTag("lv")).split(":")[0]);
    }

    @Test
    void aroundTheClockNoneAndUnreadableHours() {
        assertEquals("rund um die Uhr", HoursText.of("24/7", Locale.GERMAN));
        assertEquals("", HoursText.of(null, Locale.GERMAN));
        assertEquals("whenever we like", HoursText.of("whenever we like", Locale.ENGLISH), "shown as stored");
    }
}
