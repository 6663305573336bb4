package org.charter.service.importing;

import java.io.Serializable;

/** What applying the file would do to one record: create it, change it (and what), or nothing. */
public record PlannedLine(int line, String key, Action action, String detail) implements Serializable {

    public enum Action {
        CREATE,
        CHANGE,
        SAME
    }
}
