package org.charter.model.rollout;

public enum AssignmentStatus {
    /** Open: the person still has to read and sign. */
    ASSIGNED,
    COMPLETED,
    /** On leave, excused by a manager with a reason; must complete after returning. */
    EXCUSED
}
