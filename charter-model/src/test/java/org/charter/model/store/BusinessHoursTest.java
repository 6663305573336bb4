package org.charter.model.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private static final ZoneId RIGA = ZoneId.of("Europe/Riga");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant local(ZoneId zone, int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone).toInstant();
    }

    @Test
    void theTimetableShowsTheWeekFromMondayWithLikeDaysTogether() {
        BusinessHours hours =
                BusinessHours.of("Sa 10:00-14:00; Mo-Fr 09:00-18:00; We off; Fr 15:00-20:00, 09:00-12:00");
        List<String> table = hours.timetable().stream()
                .map(days -> days.first() + "-" + days.last() + " "
                        + days.open().stream().map(r -> r[0] + "-" + r[1]).toList())
                .toList();
        assertEquals(
                List.of(
                        "MONDAY-TUESDAY [540-1080]",
                        "WEDNESDAY-WEDNESDAY []",
                        "THURSDAY-THURSDAY [540-1080]",
                        "FRIDAY-FRIDAY [540-720, 900-1200]",
                        "SATURDAY-SATURDAY [600-840]",
                        "SUNDAY-SUNDAY []"),
                table);
        assertEquals(1, BusinessHours.of("24/7").timetable().size(), "one row: every day, all day");
        assertEquals(
                List.of(0, 1440),
                java.util.Arrays.stream(BusinessHours.of("24/7")
                                .timetable()
                                .get(0)
                                .open()
                                .get(0))
                        .boxed()
                        .toList());
    }

    @Test
    void noHoursAndTwentyFourSevenCountRealTime() {
        Instant start = local(BERLIN, 2026, 3, 28, 12, 0);
        for (String hours : new String[] {null, "", "  ", "24/7", " 24/7 "}) {
            BusinessHours always = BusinessHours.of(hours);
            assertTrue(always.alwaysOpen());
            assertFalse(always.neverOpen());
            assertEquals(start.plus(Duration.ofHours(30)), always.plus(start, Duration.ofHours(30), BERLIN));
            assertEquals(Duration.ofHours(30), always.between(start, start.plus(Duration.ofHours(30)), BERLIN));
        }
        assertEquals(Duration.ZERO, BusinessHours.of("24/7").between(start, start.minusSeconds(1), BERLIN));
        assertTrue(BusinessHours.of("Mo-Su 00:00-24:00").alwaysOpen());
        assertFalse(BusinessHours.of("Mo-Fr 09:00-17:00").alwaysOpen());
    }

    @Test
    void weekdayHoursSkipTheWeekend() {
        BusinessHours hours = BusinessHours.of("Mo-Fr 09:00-17:00");
        // Friday 16:00 + 24 h: Friday 1 h, Monday 8 h, Tuesday 8 h, then 7 h on Wednesday.
        Instant friday = local(RIGA, 2026, 1, 16, 16, 0);
        assertEquals(local(RIGA, 2026, 1, 21, 16, 0), hours.plus(friday, Duration.ofHours(24), RIGA));
        assertEquals(Instant.parse("2026-01-21T14:00:00Z"), hours.plus(friday, Duration.ofHours(24), RIGA));
        // Friday noon to Monday noon: 5 h on Friday, 3 h on Monday, nothing at the weekend.
        assertEquals(
                Duration.ofHours(8),
                hours.between(local(RIGA, 2026, 1, 16, 12, 0), local(RIGA, 2026, 1, 19, 12, 0), RIGA));
        assertEquals(
                Duration.ZERO, hours.between(local(RIGA, 2026, 1, 17, 0, 0), local(RIGA, 2026, 1, 19, 0, 0), RIGA));
    }

    @Test
    void aClosedDayInTheMiddleIsSkipped() {
        BusinessHours hours = BusinessHours.of("Mo-Fr 09:00-17:00; We off");
        // Tuesday 15:00 + 8 h: Tuesday 2 h, Wednesday closed, Thursday 6 h.
        assertEquals(
                local(RIGA, 2026, 1, 22, 15, 0),
                hours.plus(local(RIGA, 2026, 1, 20, 15, 0), Duration.ofHours(8), RIGA));
        assertEquals(
                Duration.ZERO, hours.between(local(RIGA, 2026, 1, 20, 17, 0), local(RIGA, 2026, 1, 22, 9, 0), RIGA));
        assertEquals(
                Duration.ofHours(32),
                hours.between(local(RIGA, 2026, 1, 19, 0, 0), local(RIGA, 2026, 1, 26, 0, 0), RIGA));
    }

    @Test
    void twoRangesInADayLeaveTheBreakOut() {
        BusinessHours hours = BusinessHours.of("Sa 10:00-14:00, 15:00-17:00");
        Instant saturday = local(RIGA, 2026, 1, 17, 13, 0);
        assertEquals(local(RIGA, 2026, 1, 17, 16, 0), hours.plus(saturday, Duration.ofHours(2), RIGA));
        assertEquals(
                local(RIGA, 2026, 1, 17, 15, 0), hours.plus(local(RIGA, 2026, 1, 17, 14, 30), Duration.ZERO, RIGA));
        // Saturday 16:00 + 3 h: 1 h today, then 2 h on the next Saturday.
        assertEquals(
                local(RIGA, 2026, 1, 24, 12, 0),
                hours.plus(local(RIGA, 2026, 1, 17, 16, 0), Duration.ofHours(3), RIGA));
        assertEquals(
                Duration.ofHours(6),
                hours.between(local(RIGA, 2026, 1, 17, 9, 0), local(RIGA, 2026, 1, 17, 18, 0), RIGA));
    }

    @Test
    void rangesInAnyOrderMergeAndLaterRulesReplaceDays() {
        Instant monday = local(RIGA, 2026, 1, 19, 0, 0);
        Instant nextMonday = local(RIGA, 2026, 1, 26, 0, 0);
        assertEquals(
                Duration.ofHours(8),
                BusinessHours.of("Mo 13:00-17:00, 09:00-12:00, 11:00-14:00").between(monday, nextMonday, RIGA));
        assertEquals(
                Duration.ofHours(34),
                BusinessHours.of("Mo-Fr 09:00-17:00; Fr 10:00-12:00").between(monday, nextMonday, RIGA));
        assertEquals(Duration.ofHours(2), BusinessHours.of("Fr 22:00-02:00").between(monday, nextMonday, RIGA));
        assertEquals(Duration.ofHours(4), BusinessHours.of("Fr-Mo 10:00-11:00").between(monday, nextMonday, RIGA));
        assertEquals(
                Duration.ofHours(3), BusinessHours.of("Mo,We-Th 09:00-10:00").between(monday, nextMonday, RIGA));
    }

    @Test
    void aWholeDayLastsTheRealTimeWhenClocksChange() {
        for (String text : new String[] {"Mo-Su 00:00-24:00", "Sa-Su 00:00-24:00"}) {
            BusinessHours hours = BusinessHours.of(text);
            assertEquals(
                    local(BERLIN, 2026, 3, 29, 13, 0),
                    hours.plus(local(BERLIN, 2026, 3, 28, 12, 0), Duration.ofHours(24), BERLIN),
                    text);
            assertEquals(
                    local(BERLIN, 2026, 10, 25, 11, 0),
                    hours.plus(local(BERLIN, 2026, 10, 24, 12, 0), Duration.ofHours(24), BERLIN),
                    text);
            assertEquals(
                    Duration.ofHours(23),
                    hours.between(local(BERLIN, 2026, 3, 29, 0, 0), local(BERLIN, 2026, 3, 30, 0, 0), BERLIN),
                    text);
            assertEquals(
                    Duration.ofHours(25),
                    hours.between(local(BERLIN, 2026, 10, 25, 0, 0), local(BERLIN, 2026, 10, 26, 0, 0), BERLIN),
                    text);
        }
        // Opening 01:00-05:00 on the spring-forward night is three real hours.
        assertEquals(
                Duration.ofHours(3),
                BusinessHours.of("Su 01:00-05:00")
                        .between(local(BERLIN, 2026, 3, 29, 0, 0), local(BERLIN, 2026, 3, 30, 0, 0), BERLIN));
    }

    @Test
    void daytimeHoursAreNotShiftedByANightTimeClockChange() {
        BusinessHours hours = BusinessHours.of("Mo-Su 08:00-20:00");
        // Saturday 10 h, Sunday 12 h, Monday 2 h.
        assertEquals(
                local(RIGA, 2026, 3, 30, 10, 0),
                hours.plus(local(RIGA, 2026, 3, 28, 10, 0), Duration.ofHours(24), RIGA));
        assertEquals(
                Instant.parse("2026-03-30T07:00:00Z"),
                hours.plus(local(RIGA, 2026, 3, 28, 10, 0), Duration.ofHours(24), RIGA));
    }

    @Test
    void countingStartsAtTheNextOpening() {
        BusinessHours hours = BusinessHours.of("Mo-Fr 09:00-17:00");
        Instant saturday = local(RIGA, 2026, 1, 17, 12, 0);
        Instant mondayOpening = local(RIGA, 2026, 1, 19, 9, 0);
        assertEquals(mondayOpening.plus(Duration.ofHours(1)), hours.plus(saturday, Duration.ofHours(1), RIGA));
        assertEquals(mondayOpening, hours.plus(saturday, Duration.ZERO, RIGA));
        assertEquals(mondayOpening, hours.plus(local(RIGA, 2026, 1, 16, 17, 0), Duration.ZERO, RIGA));
        Instant mondayTen = local(RIGA, 2026, 1, 19, 10, 0);
        assertEquals(mondayTen, hours.plus(mondayTen, Duration.ZERO, RIGA));
        // A deadline that ends at closing time stays on that day.
        assertEquals(
                local(RIGA, 2026, 1, 16, 17, 0),
                hours.plus(local(RIGA, 2026, 1, 16, 16, 0), Duration.ofHours(1), RIGA));
    }

    @Test
    void neverOpenAndUnreadableHoursAreRefused() {
        BusinessHours closed = BusinessHours.of("Mo-Su off");
        assertTrue(closed.neverOpen());
        assertFalse(closed.alwaysOpen());
        Instant now = Instant.parse("2026-01-19T10:00:00Z");
        assertThrows(IllegalStateException.class, () -> closed.plus(now, Duration.ofHours(1), RIGA));
        assertEquals(Duration.ZERO, closed.between(now, now.plus(Duration.ofDays(30)), RIGA));
        String[] unreadable = {"Mon-Fri 9-5", "Mo-Fr 25:00-26:00", "Mo-Fr 09:00", "always", "Mo-Fr 09:00-18:00;"};
        for (String text : unreadable) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> BusinessHours.of(text));
            assertTrue(error.getMessage().contains(text), error.getMessage());
        }
        BusinessHours hours = BusinessHours.of("Mo 09:00-10:00");
        assertThrows(IllegalArgumentException.class, () -> hours.plus(now, Duration.ofHours(-1), RIGA));
        // A thousand one-hour weeks is beyond the ten years the calculation is willing to walk.
        assertThrows(IllegalStateException.class, () -> hours.plus(now, Duration.ofHours(1000), RIGA));
    }

    @Test
    void betweenUndoesPlus() {
        BusinessHours hours = BusinessHours.of("Mo-Fr 09:00-18:00; Sa 10:00-14:00");
        Random random = new Random(20260329L);
        Instant base = local(NEW_YORK, 2026, 1, 1, 0, 0);
        for (int i = 0; i < 200; i++) {
            Instant start = base.plusSeconds(random.nextInt(2 * 366 * 24 * 3600));
            Duration business = Duration.ofSeconds(random.nextInt(200 * 3600));
            Instant due = hours.plus(start, business, NEW_YORK);
            assertFalse(due.isBefore(start), start + " + " + business);
            assertEquals(business, hours.between(start, due, NEW_YORK), start + " + " + business);
        }
    }
}
