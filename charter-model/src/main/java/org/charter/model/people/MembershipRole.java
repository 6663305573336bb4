package org.charter.model.people;

public enum MembershipRole {
    /** Runs the store: roster, sessions, complaints. */
    MANAGER,
    /** Works in the store. */
    STAFF
}
