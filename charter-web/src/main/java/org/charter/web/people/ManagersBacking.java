package org.charter.web.people;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.charter.model.franchise.Language;
import org.charter.service.people.Issued;
import org.charter.service.people.PeopleService;
import org.charter.service.people.RosterLine;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;
import org.charter.web.shell.Texts;

/** {@code /hq/managers.xhtml}: HQ appoints store managers and sets which stores they run. */
@Named
@ViewScoped
public class ManagersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeopleService people;

    @Inject
    StoreService stores;

    private List<RosterLine> managers;
    private List<StoreSummary> allStores;

    @Valid
    private PersonFields fields = new PersonFields();

    private List<String> storeIds = new ArrayList<>();
    private Issued issued;

    public void load() {
        managers = people.listManagers();
        allStores = stores.listStores();
    }

    public void startNew() {
        fields = new PersonFields();
        storeIds = new ArrayList<>();
        issued = null;
    }

    public void startAssign(RosterLine line) {
        fields = new PersonFields();
        fields.setPersonId(line.personId());
        fields.setFullName(line.fullName());
        fields.setUsername(line.username());
        storeIds = new ArrayList<>(people.storesManagedBy(line.personId()));
        issued = null;
    }

    public void save() {
        if (fields.isNew()) {
            issued = people.appointManager(fields.toForm(), storeIds);
            Texts.info("managers.appointed", fields.getFullName());
        } else {
            people.assignStores(fields.getPersonId(), storeIds);
            Texts.info("saved");
        }
        load();
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public List<RosterLine> getManagers() {
        return managers;
    }

    public List<StoreSummary> getAllStores() {
        return allStores;
    }

    public PersonFields getFields() {
        return fields;
    }

    public List<String> getStoreIds() {
        return storeIds;
    }

    public void setStoreIds(List<String> storeIds) {
        this.storeIds = storeIds;
    }

    public Issued getIssued() {
        return issued;
    }
}
