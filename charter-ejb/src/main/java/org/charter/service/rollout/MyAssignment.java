package org.charter.service.rollout;

import java.io.Serializable;
import java.time.LocalDate;

/** A version the signed-in person has to read and sign, or has signed. */
public record MyAssignment(String versionId, int number, String status, LocalDate due) implements Serializable {

    public boolean isOpen() {
        return "ASSIGNED".equals(status);
    }
}
