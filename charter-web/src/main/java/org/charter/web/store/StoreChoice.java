package org.charter.web.store;

import java.io.Serializable;
import java.util.List;
import org.charter.model.common.NotFoundException;
import org.charter.service.store.StoreSummary;

/**
 * The store a page works on, out of the stores the signed-in person may see (one for most managers, every
 * store for HQ): the one asked for in the address or the picker, else the first.
 */
public class StoreChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private String store;
    private List<StoreSummary> stores = List.of();
    private StoreSummary current;

    /**
     * Offers these stores; returns the chosen one, or null when there is none to choose. A store asked for in the
     * address that is not among them (another manager's, another franchise's, or none at all) is "not found".
     */
    public StoreSummary offer(List<StoreSummary> mine) {
        stores = mine;
        boolean asked = store != null && !store.isBlank();
        if (!asked && !stores.isEmpty()) {
            store = stores.get(0).id();
        }
        current = stores.stream().filter(s -> s.id().equals(store)).findFirst().orElse(null);
        if (asked && current == null) {
            throw new NotFoundException("store", store);
        }
        return current;
    }

    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public List<StoreSummary> getStores() {
        return stores;
    }

    public StoreSummary getCurrent() {
        return current;
    }
}
