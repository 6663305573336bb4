package org.charter.web.shell;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.charter.model.store.BusinessHours;

/**
 * Service hours as a reader says them: "Monday – Friday: 09:00 – 18:00; Saturday: closed" with day names and times
 * in the reader's language, instead of the stored notation ({@code Mo-Fr 09:00-18:00; Sa off}). Hours that cannot
 * be read are shown as stored.
 */
public final class HoursText {

    private HoursText() {}

    /** The hours in {@code locale}; empty for none. */
    public static String of(String hours, Locale locale) {
        if (hours == null || hours.isBlank()) {
            return "";
        }
        BusinessHours read;
        try {
            read = BusinessHours.of(hours);
        } catch (IllegalArgumentException e) {
            return hours;
        }
        if (read.alwaysOpen()) {
            return Texts.text(locale, "hours.always");
        }
        DateTimeFormatter time =
                DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        List<String> rows = new ArrayList<>();
        for (BusinessHours.Days days : read.timetable()) {
            String when = days.first() == days.last()
                    ? name(days.first(), locale)
                    : name(days.first(), locale) + " – " + name(days.last(), locale);
            List<String> open = new ArrayList<>();
            for (int[] range : days.open()) {
                open.add(clock(range[0], time) + " – " + clock(range[1], time));
            }
            rows.add(when + ": " + (open.isEmpty() ? Texts.text(locale, "hours.closed") : String.join(", ", open)));
        }
        return String.join("; ", rows);
    }

    private static String name(DayOfWeek day, Locale locale) {
        String name = day.getDisplayName(TextStyle.FULL_STANDALONE, locale);
        // some languages' stand-alone forms are not in every Java runtime: the number comes back
        if (name.chars().allMatch(Character::isDigit)) {
            name = day.getDisplayName(TextStyle.FULL, locale);
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static String clock(int minutes, DateTimeFormatter time) {
        if (minutes < 24 * 60) {
            return LocalTime.of(minutes / 60, minutes % 60).format(time);
        }
        // the end of the day: "24:00" on a 24-hour clock, midnight ("12:00 AM") on a 12-hour one
        String midnight = LocalTime.MIDNIGHT.format(time);
        return midnight.startsWith("00") ? "24" + midnight.substring(2) : midnight;
    }
}
