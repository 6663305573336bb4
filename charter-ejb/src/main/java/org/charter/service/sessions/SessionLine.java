package org.charter.service.sessions;

import java.io.Serializable;
import java.time.ZonedDateTime;

/** A session in a calendar: when (in its store's zone), where, how full, how many came and signed. */
public record SessionLine(
        String id,
        String storeId,
        String storeCode,
        String storeName,
        int versionNumber,
        ZonedDateTime start,
        int durationMinutes,
        String place,
        String trainer,
        int capacity,
        int invited,
        int attended,
        int signed,
        boolean cancelled)
        implements Serializable {

    public int getFree() {
        return Math.max(0, capacity - invited);
    }

    public java.time.LocalDate getDay() {
        return start.toLocalDate();
    }
}
