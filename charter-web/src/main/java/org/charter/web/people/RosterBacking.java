package org.charter.web.people;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.charter.model.franchise.Language;
import org.charter.model.people.Person;
import org.charter.service.people.Issued;
import org.charter.service.people.PeopleService;
import org.charter.service.people.RosterLine;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;
import org.charter.web.shell.Texts;

/** {@code /store/roster.xhtml?store=…}: a store's people, for its manager (and HQ). */
@Named
@ViewScoped
public class RosterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeopleService people;

    @Inject
    StoreService stores;

    private final org.charter.web.store.StoreChoice choice = new org.charter.web.store.StoreChoice();
    private List<RosterLine> roster;

    @Valid
    private PersonFields fields = new PersonFields();

    private Issued issued;
    private LocalDate leftOn = LocalDate.now();

    public void load() {
        StoreSummary current = choice.offer(stores.listStores());
        roster = current == null ? List.of() : people.roster(current.id());
    }

    public void startNew() {
        fields = new PersonFields();
        fields.setHireDate(LocalDate.now());
        issued = null;
    }

    public void startEdit(RosterLine line) {
        fields = new PersonFields();
        fields.setPersonId(line.personId());
        fields.setVersion(line.version());
        fields.setFullName(line.fullName());
        fields.setUsername(line.username());
        fields.setEmployeeNumber(line.employeeNumber());
        fields.setHireDate(line.hireDate());
        fields.setLanguage(Language.fromTag(line.language()).orElse(Language.EN));
        Person person = people.getPerson(line.personId());
        fields.setEmail(person.getEmail());
        issued = null;
    }

    public void save() {
        if (fields.isNew()) {
            issued = people.addEmployee(choice.getStore(), fields.toForm());
            Texts.info("roster.added", fields.getFullName());
        } else {
            people.updatePerson(fields.getPersonId(), fields.toForm());
            Texts.info("saved");
        }
        load();
    }

    public void sendOnLeave(RosterLine line) {
        people.sendOnLeave(line.personId());
        Texts.info("roster.onLeaveMessage", line.fullName());
        load();
    }

    public void returnToWork(RosterLine line) {
        people.returnToWork(line.personId());
        Texts.info("roster.returnedMessage", line.fullName());
        load();
    }

    public void markLeft(RosterLine line) {
        people.markLeft(line.personId(), leftOn);
        Texts.info("roster.leftMessage", line.fullName());
        load();
    }

    public void rehire(RosterLine line) {
        people.rehire(line.personId());
        Texts.info("roster.rehiredMessage", line.fullName());
        load();
    }

    public void resetAccess(RosterLine line) {
        issued = people.resetAccess(line.personId());
        load();
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public org.charter.web.store.StoreChoice getChoice() {
        return choice;
    }

    public List<RosterLine> getRoster() {
        return roster;
    }

    public PersonFields getFields() {
        return fields;
    }

    public Issued getIssued() {
        return issued;
    }

    public LocalDate getLeftOn() {
        return leftOn;
    }

    public void setLeftOn(LocalDate leftOn) {
        this.leftOn = leftOn;
    }
}
