package org.charter.model.people;

public enum PersonStatus {
    ACTIVE,
    ON_LEAVE,
    /** Left the franchise: kept, with everything they signed, but can no longer sign in. */
    LEFT
}
