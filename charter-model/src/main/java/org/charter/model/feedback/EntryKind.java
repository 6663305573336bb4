package org.charter.model.feedback;

/** A line of a case's thread: an internal note, a reply to the customer, the customer's answer, a status change. */
public enum EntryKind {
    NOTE,
    REPLY,
    ANSWER,
    STATUS
}
