package org.charter.service.evidence;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A franchise's newest checkpoint, as printed on the audit page and on every signature receipt: its number, the
 * database's time it was taken, and its hash, which chains every checkpoint before it. Kept outside the
 * database (on paper, in a file), it pins down everything the checkpoint covers.
 */
public record ChainHead(long seq, OffsetDateTime createdAt, String head) implements Serializable {

    /** When it was taken, in UTC to the second: {@code 2026-12-02 10:15:30}. */
    public String utcTime() {
        return createdAt
                .withOffsetSameInstant(java.time.ZoneOffset.UTC)
                .toLocalDateTime()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString()
                .replace('T', ' ');
    }

    /** How it is printed on exports: {@code #12 · 2026-12-02 10:15:30 UTC · 3f2a…} with the full hash. */
    public String label() {
        return "#" + seq + " · " + utcTime() + " UTC · " + head;
    }
}
