package org.charter.model.store;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Service hours as a weekly timetable, for counting deadlines in open time only. Reads the notation checked by
 * {@link ServiceHours}: {@code 24/7}, or rules such as {@code Mo-Fr 09:00-18:00; Sa 10:00-14:00, 15:00-17:00; Su off}.
 *
 * <p>Rules apply in order, and a later rule replaces all ranges of each day it names; {@code off} closes a day and
 * days never named are closed. Ranges may come in any order and overlapping ones merge. {@code 24:00} is midnight at
 * the end of the day. A range whose end is not after its start (such as {@code 22:00-02:00}) runs to 24:00 of its own
 * day only. A day range such as {@code Fr-Mo} wraps over the weekend.
 *
 * <p>Time is counted day by day in the local time of the given zone, and an open range lasts the real time between
 * its two ends, so a 00:00-24:00 day lasts 23 or 25 hours when the clocks change. A local time that does not exist
 * (a daylight-saving gap) is moved later by the length of the gap; one that occurs twice means the earlier one.
 *
 * <p>Immutable and thread-safe.
 */
public final class BusinessHours {

    private static final int DAY_MINUTES = 24 * 60;
    // How many local days one calculation may walk through before giving up: about ten years.
    private static final int MAX_DAYS = 3_700;
    private static final List<String> DAY_NAMES = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
    private static final Pattern TIME = Pattern.compile("(?:[01]\\d|2[0-3]):[0-5]\\d");
    private static final List<Span> WHOLE_DAY = List.of(new Span(0, DAY_MINUTES));
    private static final BusinessHours ALWAYS = new BusinessHours(week(WHOLE_DAY));

    /** One open range of a day, in minutes since midnight; {@code end} is after {@code start} and at most 1440. */
    private record Span(int start, int end) {}

    private final Map<DayOfWeek, List<Span>> week;
    private final boolean alwaysOpen;
    private final boolean neverOpen;

    private BusinessHours(Map<DayOfWeek, List<Span>> week) {
        this.week = week;
        this.alwaysOpen = week.values().stream().allMatch(WHOLE_DAY::equals);
        this.neverOpen = week.values().stream().allMatch(List::isEmpty);
    }

    /**
     * Reads service hours in the {@link ServiceHours} notation; none (null or blank) or {@code 24/7} means always
     * open.
     *
     * @throws IllegalArgumentException when the text cannot be read
     */
    public static BusinessHours of(String hours) {
        if (hours == null || hours.isBlank()) {
            return ALWAYS;
        }
        String tidy = hours.strip().replaceAll("\\s+", " ");
        if (tidy.equals("24/7")) {
            return ALWAYS;
        }
        Map<DayOfWeek, List<Span>> week = week(List.of());
        for (String rule : tidy.split(";", -1)) {
            String[] parts = rule.strip().split(" ", 2);
            if (parts.length != 2) {
                throw unreadable(hours);
            }
            List<Span> spans = parts[1].equals("off") ? List.of() : spans(parts[1], hours);
            for (DayOfWeek day : days(parts[0], hours)) {
                week.put(day, spans);
            }
        }
        return new BusinessHours(week);
    }

    /** Days in a row, Monday first, open in the same ranges (minutes since midnight; none when closed). */
    public record Days(DayOfWeek first, DayOfWeek last, List<int[]> open) {}

    /**
     * The week as a timetable to show, Monday to Sunday, consecutive days with the same ranges together: what a
     * reader sees whatever order and overlap the notation had.
     */
    public List<Days> timetable() {
        List<Days> table = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Span> spans = week.get(day);
            Days last = table.isEmpty() ? null : table.get(table.size() - 1);
            if (last != null && week.get(last.first()).equals(spans)) {
                table.set(table.size() - 1, new Days(last.first(), day, last.open()));
            } else {
                table.add(new Days(
                        day,
                        day,
                        spans.stream()
                                .map(span -> new int[] {span.start(), span.end()})
                                .toList()));
            }
        }
        return table;
    }

    /** Whether every minute of the week is open. */
    public boolean alwaysOpen() {
        return alwaysOpen;
    }

    /** Whether no minute of the week is open. */
    public boolean neverOpen() {
        return neverOpen;
    }

    /**
     * The instant at which {@code business} of open time has passed, counting from {@code start}; closed time does
     * not count, so a start in closed time counts from the next opening. A zero duration gives {@code start} when
     * open, else the next opening. A deadline that ends exactly at a closing time is that closing time.
     *
     * @throws IllegalArgumentException when the duration is negative
     * @throws IllegalStateException when the hours are never open, or the deadline lies more than about ten years
     *     ahead
     */
    public Instant plus(Instant start, Duration business, ZoneId zone) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        if (business.isNegative()) {
            throw new IllegalArgumentException("Negative business time: " + business);
        }
        if (alwaysOpen) {
            return start.plus(business);
        }
        if (neverOpen) {
            throw new IllegalStateException("The service hours are never open");
        }
        Duration left = business;
        Instant cursor = start;
        // Start a day early: in a gap, a range of the day before may end after midnight.
        LocalDate day = LocalDate.ofInstant(start, zone).minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Span span : week.get(day.getDayOfWeek())) {
                Instant open = later(cursor, at(day, span.start(), zone));
                Instant close = at(day, span.end(), zone);
                if (close.isAfter(open)) {
                    Duration here = Duration.between(open, close);
                    if (here.compareTo(left) >= 0) {
                        return open.plus(left);
                    }
                    left = left.minus(here);
                    cursor = close;
                }
            }
        }
        throw new IllegalStateException("No deadline within " + MAX_DAYS + " days for " + business);
    }

    /**
     * The open time between two instants; zero when {@code to} is not after {@code from}.
     *
     * @throws IllegalStateException when the instants lie more than about ten years apart
     */
    public Duration between(Instant from, Instant to, ZoneId zone) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        if (neverOpen) {
            return Duration.ZERO;
        }
        LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(to, zone);
        if (ChronoUnit.DAYS.between(day, last) > MAX_DAYS) {
            throw new IllegalStateException("More than " + MAX_DAYS + " days between " + from + " and " + to);
        }
        Duration total = Duration.ZERO;
        Instant cursor = from;
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Span span : week.get(day.getDayOfWeek())) {
                Instant open = later(cursor, at(day, span.start(), zone));
                Instant close = at(day, span.end(), zone);
                close = close.isAfter(to) ? to : close;
                if (close.isAfter(open)) {
                    total = total.plus(Duration.between(open, close));
                    cursor = close;
                }
            }
        }
        return total;
    }

    private static Instant at(LocalDate day, int minute, ZoneId zone) {
        return day.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Map<DayOfWeek, List<Span>> week(List<Span> spans) {
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, spans);
        }
        return week;
    }

    private static List<DayOfWeek> days(String text, String hours) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw unreadable(hours);
            }
            int first = dayIndex(ends[0], hours);
            int count = Math.floorMod(dayIndex(ends[ends.length - 1], hours) - first, 7) + 1;
            for (int i = 0; i < count; i++) {
                days.add(DayOfWeek.of((first + i) % 7 + 1));
            }
        }
        return days;
    }

    private static int dayIndex(String name, String hours) {
        int index = DAY_NAMES.indexOf(name);
        if (index < 0) {
            throw unreadable(hours);
        }
        return index;
    }

    private static List<Span> spans(String text, String hours) {
        List<Span> spans = new ArrayList<>();
        for (String range : text.split(",", -1)) {
            String[] ends = range.strip().split("-", -1);
            if (ends.length != 2) {
                throw unreadable(hours);
            }
            int start = minutes(ends[0], hours);
            int end = minutes(ends[1], hours);
            if (start < DAY_MINUTES) {
                spans.add(new Span(start, end > start ? end : DAY_MINUTES));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : spans) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span.start() <= last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return List.copyOf(merged);
    }

    private static int minutes(String time, String hours) {
        if (time.equals("24:00")) {
            return DAY_MINUTES;
        }
        if (!TIME.matcher(time).matches()) {
            throw unreadable(hours);
        }
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
    }

    private static IllegalArgumentException unreadable(String hours) {
        return new IllegalArgumentException("Unreadable service hours: " + hours);
    }
}
