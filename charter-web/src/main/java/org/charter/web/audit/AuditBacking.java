package org.charter.web.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.model.audit.AuditEntry;
import org.charter.service.audit.AuditService;
import org.charter.service.evidence.EvidenceCheck;
import org.charter.service.evidence.EvidenceService;

/**
 * {@code /hq/audit.xhtml}: the franchise's audit trail, newest first, whether its chain and the rest of the
 * evidence (signatures, quiz tries, checkpoints) are intact, and the chain head to keep outside the database.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditService audit;

    @Inject
    EvidenceService evidence;

    private List<AuditEntry> entries;
    private long brokenLinks;
    private EvidenceCheck check;
    private int first;

    public void load() {
        entries = audit.listRecent(first);
        check = evidence.check();
        brokenLinks = check.auditBroken();
    }

    /** Takes a checkpoint now, so everything written so far is covered (the schedule does so every minute). */
    public void checkpoint() {
        evidence.checkpoint();
        load();
    }

    public EvidenceCheck getCheck() {
        return check;
    }

    /** When the newest checkpoint was taken, in UTC to the second, as it is printed on every export. */
    public String getHeadTime() {
        return check == null || check.head() == null ? "" : check.head().utcTime();
    }

    public void older() {
        first += AuditService.PAGE;
        load();
    }

    public void newer() {
        first = Math.max(0, first - AuditService.PAGE);
        load();
    }

    public List<AuditEntry> getEntries() {
        return entries;
    }

    public long getBrokenLinks() {
        return brokenLinks;
    }

    public boolean isHasOlder() {
        return entries != null && entries.size() == AuditService.PAGE;
    }

    public boolean isHasNewer() {
        return first > 0;
    }
}
