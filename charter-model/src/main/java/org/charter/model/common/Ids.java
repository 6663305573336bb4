package org.charter.model.common;

import java.util.UUID;

/** Record ids are random UUIDs: not guessable, known before the insert, stable for equals and hashCode. */
public final class Ids {

    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** True when the text is a UUID; anything else can never name a record and is "not found" at once. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
