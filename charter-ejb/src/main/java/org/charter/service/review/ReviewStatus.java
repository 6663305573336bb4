package org.charter.service.review;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the review of the charter in force stands, on the franchise's calendar. Empty ({@code versionId} null)
 * while nothing has been published.
 *
 * @param daysLeft days from today to the due date; negative once overdue
 */
public record ReviewStatus(
        String versionId,
        int versionNumber,
        OffsetDateTime publishedAt,
        OffsetDateTime lastReviewedAt,
        int intervalMonths,
        LocalDate dueDate,
        long daysLeft,
        boolean draftOpen,
        List<ReviewLine> history)
        implements Serializable {

    public boolean inForce() {
        return versionId != null;
    }

    public boolean overdue() {
        return inForce() && daysLeft < 0;
    }

    /** One review, as kept. */
    public record ReviewLine(
            OffsetDateTime reviewedAt,
            String reviewedBy,
            String outcome,
            String note,
            int versionNumber,
            Integer draftNumber)
            implements Serializable {}
}
