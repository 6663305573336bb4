package org.charter.web.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * {@code #{dates.…}}: times of day in the reader's language, on the clock of the place they happen (a session
 * in Riga reads 09:00 for everyone, whatever zone the reader is in).
 */
@Named
@RequestScoped
public class Dates {

    @Inject
    I18n i18n;

    /** Day and time, e.g. "Monday, 23 November 2026, 09:00". */
    public String full(ZonedDateTime when) {
        return when == null
                ? ""
                : format(when, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT));
    }

    /** Short day and time, e.g. "23 Nov 2026, 09:00". */
    public String medium(ZonedDateTime when) {
        return when == null
                ? ""
                : format(when, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
    }

    /** A whole day, e.g. "Monday, 23 November 2026". */
    public String day(java.time.LocalDate day) {
        return day == null
                ? ""
                : day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(Locale.forLanguageTag(i18n.getTag())));
    }

    /** A day, short, e.g. "2 Jan 2027". */
    public String shortDay(java.time.LocalDate day) {
        return day == null
                ? ""
                : day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(Locale.forLanguageTag(i18n.getTag())));
    }

    /** Time of day only, e.g. "09:00". */
    public String time(ZonedDateTime when) {
        return when == null ? "" : format(when, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT));
    }

    /** An instant on the clock of the place it happens (a store's zone). */
    public ZonedDateTime inZone(java.time.OffsetDateTime at, String zone) {
        return at == null ? null : at.atZoneSameInstant(java.time.ZoneId.of(zone));
    }

    /** Service hours with day names and times in the reader's language ({@link HoursText}). */
    public String hours(String hours) {
        return HoursText.of(hours, Locale.forLanguageTag(i18n.getTag()));
    }

    private String format(ZonedDateTime when, DateTimeFormatter formatter) {
        return when.format(formatter.withLocale(Locale.forLanguageTag(i18n.getTag())));
    }
}
