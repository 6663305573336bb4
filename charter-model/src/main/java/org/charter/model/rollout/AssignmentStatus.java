package org.charter.model.rollout;

/** Where a person stands on an assigned version; the moves between them are {@link Assignment}'s verbs. */
public enum AssignmentStatus {
    /** Open: the person still has to read, pass the quiz and sign. */
    ASSIGNED,
    /** Signed: final. */
    COMPLETED,
    /** On leave, excused by a manager with a reason; must complete after returning. */
    EXCUSED,
    /** The person left: the assignment no longer counts. Joining again opens it anew. */
    WITHDRAWN
}
