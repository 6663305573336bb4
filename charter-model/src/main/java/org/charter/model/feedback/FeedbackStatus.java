package org.charter.model.feedback;

/** Where a case stands. While {@link #WAITING} for the customer, the resolution clock stands still. */
public enum FeedbackStatus {
    NEW,
    ACKNOWLEDGED,
    WAITING,
    RESOLVED,
    CLOSED;

    /** Still in the store's hands: the deadlines run (or stand, while waiting). */
    public boolean open() {
        return this == NEW || this == ACKNOWLEDGED || this == WAITING;
    }
}
