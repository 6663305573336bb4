package org.charter.web.rollout;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.charter.model.charter.CharterVersion;
import org.charter.service.rollout.PersonProgress;
import org.charter.service.rollout.StoreTrainingService;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;
import org.charter.web.shell.Texts;

/**
 * {@code /store/training.xhtml?store=…}: everyone of a store on the version in rollout, open ones first, with
 * their due day and booked session; managers excuse people on leave here. HQ arrives from the blockers board.
 */
@Named
@ViewScoped
public class StoreTrainingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreTrainingService training;

    @Inject
    StoreService stores;

    private final org.charter.web.store.StoreChoice choice = new org.charter.web.store.StoreChoice();
    private CharterVersion version;
    private List<PersonProgress> people = List.of();

    private PersonProgress excusing;
    private String reason;
    private LocalDate returnDate;

    public void load() {
        StoreSummary current = choice.offer(stores.listStores());
        version = training.inRollout().orElse(null);
        people = version == null || current == null ? List.of() : training.people(version.getId(), current.id());
    }

    public void startExcuse(PersonProgress person) {
        excusing = person;
        reason = null;
        returnDate = null;
    }

    public void excuse() {
        training.excuse(version.getId(), excusing.personId(), reason, returnDate);
        Texts.info("excuse.saved", excusing.fullName());
        excusing = null;
        load();
    }

    public void withdrawExcuse(PersonProgress person) {
        training.withdrawExcuse(version.getId(), person.personId());
        Texts.info("excuse.withdrawn", person.fullName());
        load();
    }

    public long getOpen() {
        return people.stream().filter(PersonProgress::isOpen).count();
    }

    public org.charter.web.store.StoreChoice getChoice() {
        return choice;
    }

    public CharterVersion getVersion() {
        return version;
    }

    public List<PersonProgress> getPeople() {
        return people;
    }

    public PersonProgress getExcusing() {
        return excusing;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public LocalDate getReturnDate() {
        return returnDate;
    }

    public void setReturnDate(LocalDate returnDate) {
        this.returnDate = returnDate;
    }
}
