package org.charter.service.evidence;

import java.io.Serializable;

/**
 * What the evidence check found for one franchise. Each {@code …Broken} figure counts places that do not match:
 * audit rows whose hash or link is wrong (plus checkpoints whose audit head or count no longer matches the
 * trail), checkpoint ranges of signatures or quiz tries whose recomputed count or running hash differs from the
 * checkpoint, and checkpoints that are out of sequence, unlinked or not signed with the configured key.
 * {@code pending} rows were written after the newest checkpoint and are covered by the next one.
 */
public record EvidenceCheck(
        long auditRows,
        long auditBroken,
        long acknowledgements,
        long acknowledgementsBroken,
        long attempts,
        long attemptsBroken,
        long checkpoints,
        long checkpointsBroken,
        long pending,
        ChainHead head)
        implements Serializable {

    public boolean isIntact() {
        return auditBroken == 0 && acknowledgementsBroken == 0 && attemptsBroken == 0 && checkpointsBroken == 0;
    }

    public long getBroken() {
        return auditBroken + acknowledgementsBroken + attemptsBroken + checkpointsBroken;
    }
}
