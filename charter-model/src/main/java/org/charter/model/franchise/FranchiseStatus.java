package org.charter.model.franchise;

public enum FranchiseStatus {
    ACTIVE,
    /** Nobody of the franchise can sign in; its data stays as it was. */
    SUSPENDED
}
