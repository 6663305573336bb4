package org.charter.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

class SessionCalendarTest {

    private static final ZoneId RIGA = ZoneId.of("Europe/Riga");
    private static final LocalDateTime LOCAL_START = LocalDateTime.of(2026, 3, 28, 9, 30);
    private static final String LOCATION = "Brīvības iela 1, 2. stāvs; Rīga — Αίθουσα εκπαίδευσης";
    private static final String DESCRIPTION = "Πρόγραμμα: χαιρετισμός, παράπονα, επιστροφές.\n"
            + "Līdzi ņemiet: piezīmju grāmatiņu; pildspalvu. Quotes \"ok\" and back\\slash.";

    private static SessionCalendar.Event event(boolean cancelled) {
        return new SessionCalendar.Event(
                "session-42",
                "Customer charter: greetings, complaints; refunds — Ξενάγηση",
                DESCRIPTION,
                LOCATION,
                "Ilze Bērziņa, trainer",
                ZonedDateTime.of(LOCAL_START, RIGA),
                90,
                Instant.parse("2026-03-01T08:00:00Z"),
                cancelled,
                cancelled ? 2 : 0);
    }

    private static Calendar parse(String text) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(CalendarComponent.VEVENT);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property)
                .map(Property::getValue)
                .orElseThrow(() -> new AssertionError("no " + property));
    }

    @Test
    void textRoundTripsWithPunctuationAndNonLatinLetters() throws Exception {
        VEvent event = onlyEvent(parse(SessionCalendar.ics(event(false))));

        assertEquals("Customer charter: greetings, complaints; refunds — Ξενάγηση", value(event, Property.SUMMARY));
        assertEquals(LOCATION, value(event, Property.LOCATION));
        assertEquals(DESCRIPTION, value(event, Property.DESCRIPTION));
        assertEquals("session-42@charter", value(event, Property.UID));
        assertEquals("0", value(event, Property.SEQUENCE));
        assertEquals("20260301T080000Z", value(event, Property.DTSTAMP));
        assertEquals("CONFIRMED", value(event, Property.STATUS));
        Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertEquals(
                "Ilze Bērziņa, trainer",
                organizer.getParameter(Parameter.CN).orElseThrow().getValue());
    }

    @Test
    void textIsEscapedInTheRawOutput() {
        String unfolded = SessionCalendar.ics(event(false)).replace("\r\n ", "");
        assertTrue(unfolded.contains("LOCATION:Brīvības iela 1\\, 2. stāvs\\; Rīga"), unfolded);
        assertTrue(unfolded.contains("\\n"), "line break in the description is escaped");
    }

    @Test
    void publishedCalendarHeader() throws Exception {
        Calendar calendar = parse(SessionCalendar.ics(event(false)));
        assertEquals(
                "PUBLISH", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        assertEquals(
                "-//Charter//Training sessions//EN",
                calendar.getProperty(Property.PRODID).orElseThrow().getValue());
        assertEquals("2.0", calendar.getProperty(Property.VERSION).orElseThrow().getValue());
    }

    @Test
    void startKeepsItsZoneAndLocalTime() throws Exception {
        String ics = SessionCalendar.ics(event(false));
        assertTrue(ics.contains("DTSTART;TZID=Europe/Riga") || ics.contains(";TZID=Europe/Riga:20260328T093000"), ics);
        assertTrue(ics.contains(":20260328T093000\r\n"), ics);

        VEvent event = onlyEvent(parse(ics));
        DtStart<Temporal> start = event.getDateTimeStart();
        assertEquals(
                "Europe/Riga",
                start.<TzId>getParameter(Parameter.TZID).orElseThrow().getValue());
        ZonedDateTime parsed = (ZonedDateTime) start.getDate();
        assertEquals(LOCAL_START, parsed.toLocalDateTime());
        assertEquals(ZonedDateTime.of(LOCAL_START, RIGA).toInstant(), parsed.toInstant());
    }

    @Test
    void endIsNinetyMinutesLaterInTheSameZone() throws Exception {
        VEvent event = onlyEvent(parse(SessionCalendar.ics(event(false))));
        DtStart<Temporal> start = event.getDateTimeStart();
        DtEnd<Temporal> end = event.getDateTimeEnd();
        assertEquals(
                "Europe/Riga",
                end.<TzId>getParameter(Parameter.TZID).orElseThrow().getValue());
        assertEquals(LOCAL_START.plusMinutes(90), ((ZonedDateTime) end.getDate()).toLocalDateTime());
        assertEquals(Duration.ofMinutes(90), Duration.between(start.getDate(), end.getDate()));
    }

    @Test
    void endCountsRealMinutesAcrossTheSpringClockChange() throws Exception {
        // In Riga the clocks jump from 03:00 to 04:00 on 29 March 2026.
        ZonedDateTime beforeJump = ZonedDateTime.of(LocalDateTime.of(2026, 3, 29, 2, 30), RIGA);
        SessionCalendar.Event night = new SessionCalendar.Event(
                "night", "Night shift briefing", null, null, null, beforeJump, 60, Instant.EPOCH, false, 0);
        VEvent event = onlyEvent(parse(SessionCalendar.ics(night)));
        ZonedDateTime end = (ZonedDateTime) event.getDateTimeEnd().getDate();
        assertEquals(LocalDateTime.of(2026, 3, 29, 4, 30), end.toLocalDateTime());
        assertFalse(event.getProperty(Property.LOCATION).isPresent());
        assertFalse(event.getProperty(Property.DESCRIPTION).isPresent());
        assertFalse(event.getProperty(Property.ORGANIZER).isPresent());
    }

    @Test
    void calendarCarriesTheRigaTimeZone() throws Exception {
        Calendar calendar = parse(SessionCalendar.ics(event(false)));
        List<VTimeZone> zones = calendar.getComponents(CalendarComponent.VTIMEZONE);
        assertEquals(1, zones.size());
        VTimeZone riga = zones.get(0);
        assertEquals(
                "Europe/Riga", riga.getProperty(Property.TZID).orElseThrow().getValue());
        assertFalse(riga.getObservances().isEmpty());
        // The zone data says summer time (+03:00) has not started yet on 28 March 2026.
        assertEquals(
                "+0200",
                riga.getApplicableObservance(ZonedDateTime.of(LOCAL_START, RIGA))
                        .getProperty(Property.TZOFFSETTO)
                        .orElseThrow()
                        .getValue());
    }

    @Test
    void cancelledSessionIsACancellation() throws Exception {
        Calendar calendar = parse(SessionCalendar.ics(event(true)));
        assertEquals(
                "CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = onlyEvent(calendar);
        assertEquals("CANCELLED", value(event, Property.STATUS));
        assertEquals("2", value(event, Property.SEQUENCE));
        assertEquals("session-42@charter", value(event, Property.UID));
    }

    @Test
    void linesEndWithCrlfAndStayWithin75Octets() {
        for (boolean cancelled : new boolean[] {false, true}) {
            String ics = SessionCalendar.ics(event(cancelled));
            assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"));
            assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
            String[] lines = ics.split("\r\n", -1);
            assertEquals("", lines[lines.length - 1], "the text ends with a line break");
            boolean folded = false;
            for (int i = 0; i < lines.length - 1; i++) {
                String line = lines[i];
                assertFalse(line.isEmpty(), "empty line " + i);
                assertFalse(line.contains("\r") || line.contains("\n"), "bare CR or LF in line " + i + ": " + line);
                int octets = line.getBytes(StandardCharsets.UTF_8).length;
                assertTrue(octets <= 75, "line " + i + " has " + octets + " octets: " + line);
                folded |= line.startsWith(" ");
            }
            assertTrue(folded, "the long description must have been folded");
        }
    }

    @Test
    void foldingNeverSplitsACharacter() {
        String line = "DESCRIPTION:" + "ā€😀".repeat(40);
        String folded = SessionCalendar.refold(line + "\r\n");
        for (String part : folded.split("\r\n")) {
            assertTrue(part.getBytes(StandardCharsets.UTF_8).length <= 75, part);
            assertFalse(Character.isLowSurrogate(part.charAt(part.startsWith(" ") ? 1 : 0)), part);
        }
        assertEquals(line, folded.replace("\r\n ", "").replace("\r\n", ""));
    }

    @Test
    void fixedOffsetStartIsWrittenInUtc() throws Exception {
        ZonedDateTime start = ZonedDateTime.of(LOCAL_START, ZoneOffset.ofHours(2));
        SessionCalendar.Event offset =
                new SessionCalendar.Event("o", "Offset", null, null, null, start, 30, Instant.EPOCH, false, 0);
        String ics = SessionCalendar.ics(offset);
        assertTrue(ics.contains("20260328T073000Z"), ics);
        assertFalse(ics.contains("VTIMEZONE"), ics);
        assertNotNull(parse(ics));
    }

    @Test
    void rejectsNonsense() {
        ZonedDateTime start = ZonedDateTime.of(LOCAL_START, RIGA);
        assertThrows(
                IllegalArgumentException.class,
                () -> new SessionCalendar.Event("x", "s", null, null, null, start, 0, Instant.EPOCH, false, 0));
        assertThrows(
                NullPointerException.class,
                () -> new SessionCalendar.Event(null, "s", null, null, null, start, 10, Instant.EPOCH, false, 0));
    }

    @Test
    void neverAsksTheNetworkForZoneData() {
        SessionCalendar.ics(event(false));
        assertEquals("false", System.getProperty(SessionCalendar.ZONE_UPDATE_SETTING));
        assertFalse(new TimeZoneUpdater().isEnabled(), "ical4j must not download zone definitions");
    }
}
