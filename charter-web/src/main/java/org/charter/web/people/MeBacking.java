package org.charter.web.people;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.model.people.Person;
import org.charter.service.people.PeopleService;

/** {@code /app/me.xhtml}: the person's own file. */
@Named
@ViewScoped
public class MeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeopleService people;

    private Person me;
    private List<String> stores;

    public void load() {
        me = people.myself();
        stores = people.myStoreNames();
    }

    public Person getMe() {
        return me;
    }

    public List<String> getStores() {
        return stores;
    }
}
