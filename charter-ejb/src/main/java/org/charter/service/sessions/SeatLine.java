package org.charter.service.sessions;

import java.io.Serializable;

/** Someone invited to a session: whether they came, whether their training is done and signed. */
public record SeatLine(
        String personId,
        String fullName,
        String language,
        Boolean attended,
        String assignmentStatus,
        boolean quizPassed)
        implements Serializable {

    public boolean isSigned() {
        return "COMPLETED".equals(assignmentStatus);
    }
}
