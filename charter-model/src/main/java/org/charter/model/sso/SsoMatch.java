package org.charter.model.sso;

/** What the chosen claim of the provider's ID token is compared with to find the person's account. */
public enum SsoMatch {
    /** The person's e-mail address, compared without regard to case; it must belong to one person only. */
    EMAIL,
    /** The person's employee number, as the HR system knows it. */
    EMPLOYEE_NUMBER,
    /** The account's username in Charter. */
    USERNAME
}
