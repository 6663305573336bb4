package org.charter.model.store;

import java.util.regex.Pattern;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Lengths;

/**
 * Opening hours of a channel in a short, checkable notation: {@code 24/7}, or rules separated by
 * {@code ;} such as {@code Mo-Fr 09:00-18:00; Sa 10:00-14:00, 15:00-17:00}. Kept as text so the charter can
 * render it per language; checked here so nothing unreadable is ever stored.
 */
public final class ServiceHours {

    private static final String DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)";
    private static final String DAYS = DAY + "(?:-" + DAY + ")?(?:," + DAY + "(?:-" + DAY + ")?)*";
    private static final String TIME = "(?:[01]\\d|2[0-3]):[0-5]\\d|24:00";
    private static final String RANGES = "(?:" + TIME + ")-(?:" + TIME + ")(?:, ?(?:" + TIME + ")-(?:" + TIME + "))*";
    private static final String RULE = DAYS + " (?:" + RANGES + "|off)";
    private static final Pattern FORMAT = Pattern.compile("24/7|" + RULE + "(?:; ?" + RULE + ")*");

    private ServiceHours() {}

    /** Returns the hours tidied, or null when none were given; throws when they cannot be read. */
    public static String normalise(String hours) {
        if (hours == null || hours.isBlank()) {
            return null;
        }
        String tidy = hours.strip().replaceAll("\\s+", " ");
        if (tidy.length() > Lengths.HOURS || !FORMAT.matcher(tidy).matches()) {
            throw new BusinessException("error.store.hours", tidy);
        }
        return tidy;
    }
}
