package org.charter.model.charter;

public enum Visibility {
    /** Shown to customers on the public pages and in print. */
    PUBLIC,
    /** For staff only: training and the employee file. */
    INTERNAL
}
