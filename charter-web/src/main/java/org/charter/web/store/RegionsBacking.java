package org.charter.web.store;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.charter.model.common.Lengths;
import org.charter.model.store.Region;
import org.charter.service.store.StoreService;
import org.charter.web.shell.Texts;

/** {@code /hq/regions.xhtml}. */
@Named
@ViewScoped
public class RegionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreService stores;

    private List<Region> regions;

    @NotBlank
    @Size(max = Lengths.SHORT_NAME)
    private String newName;

    public void load() {
        regions = stores.listRegions();
    }

    public void create() {
        Region region = stores.createRegion(newName);
        Texts.info("region.created", region.getName());
        newName = null;
        load();
    }

    public void rename(Region region) {
        stores.renameRegion(region.getId(), region.getVersion(), region.getName());
        Texts.info("saved");
        load();
    }

    public void delete(Region region) {
        stores.deleteRegion(region.getId());
        Texts.info("region.deleted", region.getName());
        load();
    }

    public List<Region> getRegions() {
        return regions;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
