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

    private String franchise() {
        return callers.current().franchiseId();
    }
}
