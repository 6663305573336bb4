package org.charter.web.store;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;

/** {@code /hq/stores.xhtml} for HQ and {@code /store/index.xhtml} for managers: the stores one may see. */
@Named
@ViewScoped
public class StoresBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreService stores;

    private List<StoreSummary> list;

    public void load() {
        list = stores.listStores();
    }

    public List<StoreSummary> getList() {
        return list;
    }
}
