package org.charter.web.rollout;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.charter.model.charter.CharterVersion;
import org.charter.service.rollout.RolloutService;
import org.charter.service.rollout.StoreProgress;
import org.charter.web.shell.Texts;

/** {@code /hq/rollout.xhtml}: start the rollout of the frozen version, watch the blockers board, publish. */
@Named
@ViewScoped
public class RolloutBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RolloutService rollouts;

    @Inject
    org.charter.service.rollout.StoreTrainingService training;

    @Inject
    org.charter.web.shell.I18n i18n;

    public static final int PAGE = 50;

    private CharterVersion version;
    private org.charter.service.rollout.Board board;
    private StorePages stores;
    /** Proposed on the franchise's clock when the page opens (the server's may already be on another day). */
    private LocalDate deadline;

    private LocalDate effective;
    private LocalDate currentDeadline;
    private int newHireDays;
    private int returnDays;

    public void load() {
        board = rollouts.board(PAGE);
        if (effective == null) {
            effective = board.today();
            deadline = board.today().plusDays(30);
        }
        version = board.version();
        currentDeadline = board.deadline();
        stores = new StorePages(rollouts, board);
        newHireDays = board.newHireDays();
        returnDays = board.returnDays();
    }

    public void start() {
        int assigned = rollouts.start(version.getId(), deadline);
        Texts.info("rollout.startedMessage", assigned);
        load();
    }

    public void publish() {
        CharterVersion live = rollouts.publish(version.getId(), effective);
        Texts.info("rollout.publishedMessage", live.getNumber());
        load();
    }

    public void saveDueDays() {
        rollouts.changeDueDays(newHireDays, returnDays);
        Texts.info("rollout.dueDaysSaved");
        load();
    }

    /** Everyone still open or excused, by region and store, as a spreadsheet file. */
    public void exportCsv() throws java.io.IOException {
        java.util.Locale locale = java.util.Locale.forLanguageTag(i18n.getTag());
        List<List<Object>> rows = training.notDone(version.getId()).stream()
                .map(p -> List.<Object>of(
                        nz(p.region()),
                        p.storeCode(),
                        p.fullName(),
                        nz(p.employeeNumber()),
                        Texts.text(locale, "assignment." + p.status()),
                        String.valueOf(p.due()),
                        nz(p.excusedReason()),
                        p.excusedUntil() == null ? "" : p.excusedUntil().toString(),
                        p.bookedSession() == null ? "" : p.bookedSession().toString()))
                .toList();
        byte[] csv = org.charter.web.shell.CsvExport.write(
                locale,
                List.of(
                        Texts.text(locale, "field.region"),
                        Texts.text(locale, "field.code"),
                        Texts.text(locale, "field.fullName"),
                        Texts.text(locale, "field.employeeNumber"),
                        Texts.text(locale, "field.status"),
                        Texts.text(locale, "storeTraining.due"),
                        Texts.text(locale, "excuse.reason"),
                        Texts.text(locale, "excuse.returnDate"),
                        Texts.text(locale, "storeTraining.booked")),
                rows);
        org.omnifaces.util.Faces.sendFile(csv, "blockers-v" + version.getNumber() + ".csv", true);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    public List<org.charter.service.rollout.PersonProgress> getExcuses() {
        return board.excuses();
    }

    public int getExcuseCount() {
        return board.excuseCount();
    }

    public String getQuizMissingTags() {
        return String.join(", ", board.quizMissing());
    }

    public List<String> getQuizMissing() {
        return board.quizMissing();
    }

    public int getNewHireDays() {
        return newHireDays;
    }

    public void setNewHireDays(int newHireDays) {
        this.newHireDays = newHireDays;
    }

    public int getReturnDays() {
        return returnDays;
    }

    public void setReturnDays(int returnDays) {
        this.returnDays = returnDays;
    }

    public boolean isInRollout() {
        return board != null && board.isInRollout();
    }

    public List<StoreProgress> getRegions() {
        return board.regions();
    }

    public int getOpen() {
        return board.regions().stream().mapToInt(StoreProgress::open).sum();
    }

    public int getRequired() {
        return board.regions().stream().mapToInt(StoreProgress::required).sum();
    }

    public CharterVersion getVersion() {
        return version;
    }

    public StorePages getStores() {
        return stores;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public LocalDate getEffective() {
        return effective;
    }

    public void setEffective(LocalDate effective) {
        this.effective = effective;
    }

    public LocalDate getCurrentDeadline() {
        return currentDeadline;
    }
}
