package org.charter.web.feedback;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.service.feedback.CaseService;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;

/**
 * {@code /store/feedback.xhtml?store=…&all=true}: what customers told the caller's stores, newest first; the open
 * cases by default, with the next deadline and whether it passed.
 */
@Named
@ViewScoped
public class CasesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseService cases;

    @Inject
    StoreService stores;

    private String store;
    private boolean all;
    private List<StoreSummary> storeList;
    private List<CaseService.CaseLine> lines;

    public void load() {
        storeList = stores.listStores();
        String chosen = store == null || store.isBlank() ? null : store;
        lines = cases.cases(chosen, !all);
    }

    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public boolean isAll() {
        return all;
    }

    public void setAll(boolean all) {
        this.all = all;
    }

    public List<StoreSummary> getStoreList() {
        return storeList;
    }

    public List<CaseService.CaseLine> getLines() {
        return lines;
    }

    public int getLimit() {
        return CaseService.LIST_LIMIT;
    }
}
