package org.charter.web.rollout;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.charter.service.evidence.EvidenceService;
import org.charter.service.rollout.FranchisePacks;
import org.charter.service.rollout.PackJob;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;
import org.charter.web.shell.Texts;

/**
 * {@code /hq/evidence.xhtml}: download a store's evidence pack, have the whole franchise's built in the background
 * (its progress shown while it runs), or check a pack that comes back.
 */
@Named
@ViewScoped
public class EvidenceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreService stores;

    @Inject
    EvidenceService evidence;

    @Inject
    FranchisePacks franchisePacks;

    @Inject
    FranchisePackBuilder builder;

    @Inject
    org.charter.web.shell.I18n i18n;

    @Inject
    org.charter.service.franchise.FranchiseClock clock;

    private List<PackJob> jobs;
    private Integer wholeVersion;
    private java.time.ZoneId zone;

    private List<StoreSummary> storeList;
    private transient Part file;
    private EvidencePackZip.Verdict verdict;

    public void load() {
        storeList = stores.listStores();
        jobs = franchisePacks.list();
        zone = clock.zone();
    }

    /** A time on the franchise's clock. */
    public java.time.ZonedDateTime local(java.time.OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone);
    }

    /** Asks for the whole franchise's pack of a version and starts building it in the background. */
    public void buildWhole() {
        if (wholeVersion == null || wholeVersion < 1) {
            Texts.error("evidence.versionNeeded");
            return;
        }
        FranchisePacks.Requested requested = franchisePacks.request(wholeVersion, i18n.getTag());
        if (requested.created()) {
            builder.start(requested.id(), wholeVersion, i18n.getTag());
        }
        Texts.info("evidence.requested", wholeVersion);
        jobs = franchisePacks.list();
    }

    /** A size for people: kilobytes under a megabyte, else megabytes with one decimal. */
    public String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        return bytes < 1_048_576
                ? Math.max(1, Math.round(bytes / 1024.0)) + " kB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    /** The poll's refresh while a pack is being built. */
    public void refresh() {
        jobs = franchisePacks.list();
    }

    public boolean isAnyUnderway() {
        return jobs != null && jobs.stream().anyMatch(PackJob::underway);
    }

    public List<PackJob> getJobs() {
        return jobs;
    }

    public Integer getWholeVersion() {
        return wholeVersion;
    }

    public void setWholeVersion(Integer wholeVersion) {
        this.wholeVersion = wholeVersion;
    }

    public void verify() throws IOException {
        verdict = null;
        if (file == null || file.getSize() == 0) {
            Texts.error("evidence.noFile");
            return;
        }
        if (file.getSize() > 20L * 1024 * 1024) {
            Texts.error("import.tooLarge", 20);
            return;
        }
        byte[] zip;
        try (InputStream in = file.getInputStream()) {
            zip = in.readAllBytes();
        }
        try {
            verdict = EvidencePackZip.verify(zip, evidence::sealMatches);
        } catch (IOException | IllegalArgumentException e) {
            Texts.error("evidence.notAPack");
        }
    }

    public List<StoreSummary> getStoreList() {
        return storeList;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public EvidencePackZip.Verdict getVerdict() {
        return verdict;
    }
}
