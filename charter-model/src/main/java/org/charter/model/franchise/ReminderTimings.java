package org.charter.model.franchise;

import java.io.Serializable;
import org.charter.model.common.BusinessException;

/**
 * When a franchise's reminders fall due. Local hours are read in the zone of the store (for its people) or of the
 * franchise (for headquarters).
 *
 * @param reviewIntervalMonths months from a publication or review of the charter to its next review (1–60)
 * @param reviewLeadDays days before the review's due date that headquarters hear of it first (0–180)
 * @param assignmentLeadDays days before an assignment's due date that the person is reminded (0–60)
 * @param rolloutLeadDays days before a rollout's deadline that headquarters hear which stores are still open (0–60)
 * @param reminderHour the local hour reminders go out at (0–23)
 * @param digestDay the day of the week (1 = Monday … 7 = Sunday) of the store managers' weekly digest
 */
public record ReminderTimings(
        int reviewIntervalMonths,
        int reviewLeadDays,
        int assignmentLeadDays,
        int rolloutLeadDays,
        int reminderHour,
        int digestDay)
        implements Serializable {

    public static final ReminderTimings DEFAULTS = new ReminderTimings(12, 30, 3, 7, 9, 1);

    public ReminderTimings {
        within(reviewIntervalMonths, 1, 60, "reviewIntervalMonths");
        within(reviewLeadDays, 0, 180, "reviewLeadDays");
        within(assignmentLeadDays, 0, 60, "assignmentLeadDays");
        within(rolloutLeadDays, 0, 60, "rolloutLeadDays");
        within(reminderHour, 0, 23, "reminderHour");
        within(digestDay, 1, 7, "digestDay");
    }

    private static void within(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new BusinessException("error.reminders.range", field, min, max);
        }
    }
}
