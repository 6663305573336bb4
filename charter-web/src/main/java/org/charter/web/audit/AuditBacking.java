package org.charter.web.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.model.audit.AuditEntry;
import org.charter.service.audit.AuditService;

/** {@code /hq/audit.xhtml}: the franchise's audit trail, newest first, and whether its chain is intact. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditService audit;

    private List<AuditEntry> entries;
    private long brokenLinks;
    private int first;

    public void load() {
        entries = audit.listRecent(first);
        brokenLinks = audit.countBrokenLinks();
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
