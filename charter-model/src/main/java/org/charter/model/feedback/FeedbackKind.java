package org.charter.model.feedback;

/** What the customer tells us. Only complaints are measured against the charter's response promises. */
public enum FeedbackKind {
    COMPLIMENT,
    SUGGESTION,
    COMPLAINT
}
