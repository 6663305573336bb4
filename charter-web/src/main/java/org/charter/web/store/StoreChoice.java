package org.charter.web.store;

import java.io.Serializable;
import java.util.List;
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

    /** Offers these stores; returns the chosen one, or null when there is none. */
    public StoreSummary offer(List<StoreSummary> mine) {
        stores = mine;
        if ((store == null || store.isBlank()) && !stores.isEmpty()) {
            store = stores.get(0).id();
        }
        current = stores.stream().filter(s -> s.id().equals(store)).findFirst().orElse(null);
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
