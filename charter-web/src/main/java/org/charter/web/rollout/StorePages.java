package org.charter.web.rollout;

import java.util.List;
import java.util.Map;
import org.charter.service.rollout.Board;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.StoreProgress;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The blockers board's stores, a page at a time: the first page comes with the board itself (no second round
 * trip), later pages are read when the user turns to them.
 */
public class StorePages extends LazyDataModel<StoreProgress> {

    private static final long serialVersionUID = 1L;

    private transient RolloutService rollouts;
    private final String versionId;
    private final int storeCount;
    private final List<StoreProgress> first;

    StorePages(RolloutService rollouts, Board board) {
        this.rollouts = rollouts;
        this.versionId = board.version() == null ? null : board.version().getId();
        this.storeCount = board.storeCount();
        this.first = board.firstStores();
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return storeCount;
    }

    @Override
    public List<StoreProgress> load(
            int offset, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (offset == 0 && pageSize <= first.size() || offset == 0 && first.size() == storeCount) {
            return first.subList(0, Math.min(pageSize, first.size()));
        }
        if (rollouts == null) {
            // after the view was stored and read back, as a replicated session does
            rollouts = jakarta.enterprise
                    .inject
                    .spi
                    .CDI
                    .current()
                    .select(RolloutService.class)
                    .get();
        }
        return rollouts.stores(versionId, offset, pageSize);
    }

    @Override
    public String getRowKey(StoreProgress store) {
        return store.storeId();
    }

    @Override
    public StoreProgress getRowData(String rowKey) {
        return first.stream()
                .filter(s -> s.storeId().equals(rowKey))
                .findFirst()
                .orElse(null);
    }
}
