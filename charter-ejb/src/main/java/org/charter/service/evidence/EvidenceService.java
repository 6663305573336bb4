package org.charter.service.evidence;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.charter.model.people.Role;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/** The signed-in franchise's evidence: its checkpoints, their check, and the chain head printed on exports. */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class EvidenceService {

    @Inject
    Checkpoints checkpoints;

    @Inject
    Callers callers;

    @Inject
    EvidenceKey key;

    /**
     * Takes a checkpoint now (the schedule takes one every minute): everything written so far is then covered.
     * Returns the newest checkpoint; empty while the franchise has no evidence at all.
     */
    public Optional<ChainHead> checkpoint() {
        return checkpoints.take(franchise(), true);
    }

    /** Recomputes the audit trail, signatures, quiz tries and checkpoints. */
    public EvidenceCheck check() {
        return checkpoints.check(franchise());
    }

    /** The newest checkpoint, for the footer of an export; every signed-in person of the franchise may read it. */
    @Permit({Role.EMPLOYEE, Role.STORE_MANAGER, Role.HQ_ADMIN})
    public Optional<ChainHead> head() {
        return checkpoints.head(franchise());
    }

    /**
     * The seal of an evidence pack's list of files: an HMAC with the evidence key (under a label of its own, so it
     * can never pass for a checkpoint's), which only this installation can make and check.
     */
    public String seal(String manifest) {
        return CanonicalRecord.hmac(key.key(), sealed(manifest));
    }

    /** Whether {@code seal} was made by this installation for exactly {@code manifest}. */
    public boolean sealMatches(String manifest, String seal) {
        return seal != null
                && java.security.MessageDigest.isEqual(
                        seal(manifest).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        seal.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static byte[] sealed(String manifest) {
        return ("charter evidence pack\n" + manifest).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String franchise() {
        return callers.current().franchiseId();
    }
}
