package org.charter.model.feedback;

/** What a manager does about an employee, from the mildest step to the last. */
public enum CorrectiveKind {
    COACHING,
    RETRAINING,
    WRITTEN_WARNING,
    FINAL_WARNING
}
