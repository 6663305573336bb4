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
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;
import org.charter.web.shell.Texts;

/** {@code /hq/evidence.xhtml}: download a store's evidence pack, or check one that comes back. */
@Named
@ViewScoped
public class EvidenceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreService stores;

    @Inject
    EvidenceService evidence;

    private List<StoreSummary> storeList;
    private transient Part file;
    private EvidencePackZip.Verdict verdict;

    public void load() {
        storeList = stores.listStores();
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
