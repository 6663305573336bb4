package org.charter.web.notice;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.charter.model.franchise.ReminderTimings;
import org.charter.service.notice.DeliveryLine;
import org.charter.service.notice.DeliveryService;
import org.charter.service.notice.NoticeText;
import org.charter.web.shell.I18n;
import org.charter.web.shell.Texts;

/**
 * {@code /hq/delivery.xhtml}: mail that failed for good (with "send again") or waits for another attempt, each with
 * its log; and when the franchise's reminders go out.
 */
@Named
@ViewScoped
public class DeliveryBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    org.charter.service.franchise.FranchiseClock clock;

    @Inject
    I18n i18n;

    @Inject
    DeliveryService deliveries;

    private List<DeliveryLine> lines;
    private java.time.ZoneId zone;
    private int reviewIntervalMonths;
    private int reviewLeadDays;
    private int assignmentLeadDays;
    private int rolloutLeadDays;
    private int reminderHour;
    private int digestDay;

    public void load() {
        lines = deliveries.troubled();
        zone = clock.zone();
        ReminderTimings timings = deliveries.timings();
        reviewIntervalMonths = timings.reviewIntervalMonths();
        reviewLeadDays = timings.reviewLeadDays();
        assignmentLeadDays = timings.assignmentLeadDays();
        rolloutLeadDays = timings.rolloutLeadDays();
        reminderHour = timings.reminderHour();
        digestDay = timings.digestDay();
    }

    public void sendAgain(String noticeId) {
        deliveries.sendAgain(noticeId);
        Texts.info("delivery.queuedAgain");
        lines = deliveries.troubled();
    }

    public void saveTimings() {
        deliveries.changeTimings(new ReminderTimings(
                reviewIntervalMonths, reviewLeadDays, assignmentLeadDays, rolloutLeadDays, reminderHour, digestDay));
        Texts.info("delivery.timingsSaved");
    }

    public String title(DeliveryLine line) {
        return NoticeText.title(line.kind(), line.params(), locale());
    }

    public String kindName(DeliveryLine line) {
        return NoticeText.text(locale(), "kind." + line.kind().name());
    }

    /** Days of the week, Monday first, named in the page's language. */
    public List<Integer> getDays() {
        return IntStream.rangeClosed(1, 7).boxed().toList();
    }

    public String dayName(int day) {
        return DayOfWeek.of(day).getDisplayName(TextStyle.FULL, locale());
    }

    public List<Integer> getHours() {
        return IntStream.rangeClosed(0, 23).boxed().toList();
    }

    /** A time on the franchise's clock. */
    public java.time.ZonedDateTime local(java.time.OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone);
    }

    public List<DeliveryLine> getLines() {
        return lines;
    }

    public int getReviewIntervalMonths() {
        return reviewIntervalMonths;
    }

    public void setReviewIntervalMonths(int value) {
        this.reviewIntervalMonths = value;
    }

    public int getReviewLeadDays() {
        return reviewLeadDays;
    }

    public void setReviewLeadDays(int value) {
        this.reviewLeadDays = value;
    }

    public int getAssignmentLeadDays() {
        return assignmentLeadDays;
    }

    public void setAssignmentLeadDays(int value) {
        this.assignmentLeadDays = value;
    }

    public int getRolloutLeadDays() {
        return rolloutLeadDays;
    }

    public void setRolloutLeadDays(int value) {
        this.rolloutLeadDays = value;
    }

    public int getReminderHour() {
        return reminderHour;
    }

    public void setReminderHour(int value) {
        this.reminderHour = value;
    }

    public int getDigestDay() {
        return digestDay;
    }

    public void setDigestDay(int value) {
        this.digestDay = value;
    }

    private Locale locale() {
        return i18n.getLocale();
    }
}
