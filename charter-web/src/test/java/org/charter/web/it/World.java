package org.charter.web.it;

import static org.charter.web.it.TestCaller.as;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.franchise.NewFranchise;
import org.charter.service.people.PeopleService;
import org.charter.service.people.PersonForm;
import org.charter.service.store.ChannelForm;
import org.charter.service.store.StoreForm;
import org.charter.service.store.StoreService;

/** One franchise's test data and the names to act as. */
public final class World {

    String franchiseId;
    String slug;
    String hq;
    String manager;
    String managerId;
    String employee;
    String employeeId;
    String otherStoreEmployeeId;
    String regionId;
    String storeId;
    String otherStoreId;

    static World build(FranchiseService franchises, StoreService stores, PeopleService people, String platform) {
        World w = new World();
        String s = suffix();
        w.hq = "hq-" + s;
        w.slug = "f-" + s;
        as(
                platform,
                () -> franchises.onboard(new NewFranchise(
                        "Franchise " + s,
                        "f-" + s,
                        Language.EN,
                        EnumSet.of(Language.DE),
                        "Europe/Berlin",
                        "HQ " + s,
                        w.hq)));
        w.franchiseId = as(platform, franchises::listFranchises).stream()
                .filter(f -> f.getSlug().equals("f-" + s))
                .map(Franchise::getId)
                .findFirst()
                .orElseThrow();
        w.regionId = as(w.hq, () -> stores.createRegion("Region " + s)).getId();
        w.storeId = as(w.hq, () -> stores.createStore(w.storeForm("A1", 0))).getId();
        w.otherStoreId = as(
                        w.hq,
                        () -> stores.createStore(new StoreForm(
                                "B1",
                                "Store B1 " + s,
                                w.regionId,
                                "Main Street 1",
                                "10115",
                                "Berlin",
                                "DE",
                                "Europe/Berlin",
                                List.of(),
                                0)))
                .getId();
        w.manager = "mgr-" + s;
        w.managerId = as(w.hq, () -> people.appointManager(person(w.manager), List.of(w.storeId)))
                .personId();
        w.employee = "emp-" + s;
        w.employeeId = as(w.manager, () -> people.addEmployee(w.storeId, person(w.employee)))
                .personId();
        as(w.manager, () -> people.addEmployee(w.storeId, person("emp2-" + s)));
        w.otherStoreEmployeeId = as(w.hq, () -> people.addEmployee(w.otherStoreId, person("other-" + s)))
                .personId();
        // both franchises use the same store codes: codes are unique per franchise, not platform-wide
        return w;
    }

    StoreForm storeForm(String nameOrCode, long version) {
        return new StoreForm(
                "A1",
                "Store " + nameOrCode,
                regionId,
                "Brīvības iela 1",
                "LV-1010",
                "Rīga",
                "LV",
                "Europe/Riga",
                List.of(new ChannelForm(ChannelKind.PHONE, "+371 6000 0000", "Mo-Fr 09:00-18:00")),
                version);
    }

    static PersonForm person(String username) {
        return new PersonForm("Person " + username, username, null, null, Language.LV, null, 0);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
