package org.charter.service.rollout;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * A whole franchise's evidence pack for one version, as HQ's page shows it: where its building stands, and when it
 * is done, its size and SHA-256. {@link State#INTERRUPTED} is a job whose instance stopped beating: it will not
 * finish, and may be asked for again.
 */
public record PackJob(
        String id,
        int versionNumber,
        State state,
        int storesDone,
        int storesTotal,
        String requestedBy,
        OffsetDateTime requestedAt,
        OffsetDateTime finishedAt,
        Long sizeBytes,
        String sha256,
        String problem)
        implements Serializable {

    public enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED,
        INTERRUPTED
    }

    /** Still being built (queued or running). */
    public boolean underway() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** Done so far, 0 to 100. */
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        return storesTotal == 0 ? 0 : Math.min(99, storesDone * 100 / storesTotal);
    }
}
