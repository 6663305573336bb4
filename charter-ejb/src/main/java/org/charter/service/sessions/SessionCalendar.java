package org.charter.service.sessions;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Builds the calendar file (.ics) that staff download or receive for one training session, so that the session lands
 * in Outlook, Google Calendar or the phone's calendar at the right local time.
 *
 * <p>The time zone description comes from the zone data packed inside ical4j. ical4j can also fetch newer zone data
 * from the internet; this class switches that off (unless the JVM was started with the setting given explicitly), as
 * the servers may have no way out and a calendar file must not wait on the network.
 */
public final class SessionCalendar {

    /** The ical4j setting that allows it to download zone data. */
    static final String ZONE_UPDATE_SETTING = "net.fortuna.ical4j.timezone.update.enabled";

    static {
        if (System.getProperty(ZONE_UPDATE_SETTING) == null) {
            System.setProperty(ZONE_UPDATE_SETTING, "false");
        }
    }

    static final String PRODUCT_ID = "-//Charter//Training sessions//EN";

    /** Added to every event id so that ours cannot clash with ids made by other programs. */
    static final String UID_DOMAIN = "@charter";

    /**
     * The organizer must be written as an address; the session only knows the organizer's name, so the address is one
     * in the reserved {@code .invalid} domain, which no mail can ever reach. Calendar programs show the name.
     */
    static final String ORGANIZER_ADDRESS = "mailto:noreply@charter.invalid";

    /** RFC 5545 limit for one physical line, in octets, without the line break. */
    static final int MAX_LINE_OCTETS = 75;

    private static final String CRLF = "\r\n";

    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    private SessionCalendar() {}

    /**
     * One training session as it should appear in a calendar.
     *
     * @param uid stable id of the session; the same id must be used again when the session is moved or cancelled
     * @param summary title shown in the calendar
     * @param description longer text, may be {@code null}
     * @param location where the session takes place, may be {@code null}
     * @param organizerName who runs the session, may be {@code null}
     * @param start first minute of the session, in the zone of the store where it takes place
     * @param durationMinutes length of the session, more than zero
     * @param stamp when this version of the invite was made
     * @param cancelled whether the session was called off
     * @param sequence how many times the session was changed since the first invite; zero at first
     */
    public record Event(
            String uid,
            String summary,
            String description,
            String location,
            String organizerName,
            ZonedDateTime start,
            int durationMinutes,
            Instant stamp,
            boolean cancelled,
            int sequence) {

        public Event {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stamp, "stamp");
            if (uid.isBlank()) {
                throw new IllegalArgumentException("uid is blank");
            }
            if (durationMinutes <= 0) {
                throw new IllegalArgumentException("durationMinutes must be positive: " + durationMinutes);
            }
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence must not be negative: " + sequence);
            }
        }
    }

    /**
     * RFC 5545 text of a one-event calendar (METHOD:PUBLISH, or CANCEL when cancelled), the start in the event's own
     * zone with its VTIMEZONE.
     *
     * <p>Start and end carry the TZID of the start's zone, and the calendar holds the matching VTIMEZONE, so calendar
     * programs keep the local time even across daylight saving changes. A start given with a fixed offset instead of a
     * named zone is written in UTC. Lines end with CRLF and long lines are folded so that none has more than 75 octets
     * of UTF-8.
     */
    public static String ics(Event event) {
        Objects.requireNonNull(event, "event");
        ZonedDateTime start = event.start();
        TimeZone zone = null;
        if (start.getZone() instanceof ZoneOffset) {
            start = start.withZoneSameInstant(ZoneOffset.UTC);
        } else {
            zone = zoneOf(start.getZone());
        }
        ZonedDateTime end = start.plusMinutes(event.durationMinutes());

        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(event.uid() + UID_DOMAIN));
        vevent.add(new DtStamp(event.stamp()));
        vevent.add(new DtStart<>(start));
        vevent.add(new DtEnd<>(end));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(new Summary(event.summary()));
        if (event.description() != null && !event.description().isBlank()) {
            vevent.add(new Description(event.description()));
        }
        if (event.location() != null && !event.location().isBlank()) {
            vevent.add(new Location(event.location()));
        }
        if (event.organizerName() != null && !event.organizerName().isBlank()) {
            ParameterList name = new ParameterList().add(new Cn(parameterSafe(event.organizerName())));
            vevent.add(new Organizer(name, ORGANIZER_ADDRESS));
        }
        vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(event.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
        if (zone != null) {
            calendar.add(zone.getVTimeZone());
        }
        calendar.add(vevent);

        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("calendar for session " + event.uid() + " could not be written", e);
        }
        return refold(out.toString());
    }

    private static TimeZone zoneOf(ZoneId id) {
        TimeZone zone = ZONES.getTimeZone(id.getId());
        if (zone == null || zone.getVTimeZone() == null) {
            throw new IllegalArgumentException("no time zone data for " + id);
        }
        return zone;
    }

    /**
     * A parameter value cannot hold a double quote or control characters at all (RFC 5545 3.1), so they are replaced.
     * ical4j adds the surrounding quotes itself when the value holds a comma, colon or semicolon.
     */
    private static String parameterSafe(String value) {
        StringBuilder safe = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c == '"') {
                safe.append('\'');
            } else if (Character.isISOControl(c)) {
                safe.append(' ');
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString().strip();
    }

    /**
     * ical4j folds lines after 75 characters, but the limit in RFC 5545 is 75 octets, and a Greek or Latvian letter
     * takes two octets in UTF-8. So the lines are joined again and cut by octets, never inside a character.
     */
    static String refold(String text) {
        String unfolded = text.replace(CRLF + " ", "").replace(CRLF + "\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split(CRLF)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = utf8Octets(codePoint);
                if (octets + size > MAX_LINE_OCTETS) {
                    out.append(CRLF).append(' ');
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append(CRLF);
        }
        return out.toString();
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
