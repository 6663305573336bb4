package org.charter.service.importing;

import java.io.Serializable;
import java.util.List;

/**
 * An uploaded file read but not applied: its counts, the first errors and the first changes (a page shows no
 * more; the counts say how many there are in all).
 */
public record ImportPreview(
        String importId,
        ImportKind kind,
        String fileName,
        int lines,
        int create,
        int change,
        int same,
        int errorLines,
        List<LineError> errors,
        List<PlannedLine> changes)
        implements Serializable {

    /** How many errors and changes a preview lists. */
    public static final int SHOWN = 100;

    public boolean canApply() {
        return errorLines == 0 && lines > 0;
    }
}
