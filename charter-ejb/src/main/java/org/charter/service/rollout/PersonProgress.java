package org.charter.service.rollout;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * One person's line under a store on the blockers board: where they stand on the version, until when, why they
 * are excused, and the next session they are booked into (on the store's clock).
 */
public record PersonProgress(
        String personId,
        String fullName,
        String employeeNumber,
        String region,
        String storeCode,
        String status,
        LocalDate due,
        OffsetDateTime completedAt,
        String excusedReason,
        LocalDate excusedUntil,
        String excusedBy,
        LocalDateTime bookedSession)
        implements Serializable {

    public boolean isOpen() {
        return "ASSIGNED".equals(status);
    }

    public boolean isExcused() {
        return "EXCUSED".equals(status);
    }

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }
}
