package org.charter.web.people;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.charter.service.file.PersonFile;
import org.charter.service.file.PersonFileService;

/** {@code /store/person.xhtml?id=…}: a person's file, for headquarters and the person's managers. */
@Named
@RequestScoped
public class PersonFileBacking {

    @Inject
    PersonFileService files;

    private String id;
    private PersonFile file;

    public void load() {
        file = files.file(id);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The stores as one line; a dash for none. */
    public String getStoresLine() {
        return file == null || file.stores().isEmpty() ? "—" : String.join(", ", file.stores());
    }

    public PersonFile getFile() {
        return file;
    }
}
