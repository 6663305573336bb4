package org.charter.web.rollout;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.VersionStatus;
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
    org.charter.service.training.QuizService quizzes;

    @Inject
    org.charter.web.shell.I18n i18n;

    private CharterVersion version;
    private List<StoreProgress> board = List.of();
    private LocalDate deadline = LocalDate.now().plusDays(30);
    private LocalDate effective = LocalDate.now();
    private LocalDate currentDeadline;
    private List<org.charter.service.rollout.PersonProgress> excuses = List.of();
    private List<String> quizMissing = List.of();
    private int newHireDays;
    private int returnDays;

    public void load() {
        version = rollouts.onItsWay().orElse(null);
        board = version != null && version.getStatus() == VersionStatus.ROLLOUT
                ? rollouts.progress(version.getId())
                : List.of();
        currentDeadline =
                version == null ? null : rollouts.deadline(version.getId()).orElse(null);
        excuses = isInRollout() ? training.excuses(version.getId()) : List.of();
        quizMissing = version != null && !isInRollout()
                ? quizzes.languagesWithoutQuestions(version.getId()).stream()
                        .map(l -> l.tag())
                        .toList()
                : List.of();
        var settings = rollouts.settings();
        newHireDays = settings.getNewHireDays();
        returnDays = settings.getReturnDays();
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
        return excuses;
    }

    public String getQuizMissingTags() {
        return String.join(", ", quizMissing);
    }

    public List<String> getQuizMissing() {
        return quizMissing;
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
        return version != null && version.getStatus() == VersionStatus.ROLLOUT;
    }

    /** The board summed per region, most open first ("—" for stores outside any region). */
    public List<StoreProgress> getRegions() {
        return board.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        s -> s.region() == null ? "—" : s.region(),
                        java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> new StoreProgress(
                        null,
                        null,
                        e.getKey(),
                        e.getKey(),
                        e.getValue().stream().mapToInt(StoreProgress::required).sum(),
                        e.getValue().stream().mapToInt(StoreProgress::completed).sum(),
                        e.getValue().stream().mapToInt(StoreProgress::excused).sum(),
                        e.getValue().stream().mapToInt(StoreProgress::open).sum()))
                .sorted(java.util.Comparator.comparingInt(StoreProgress::open).reversed())
                .toList();
    }

    public int getOpen() {
        return board.stream().mapToInt(StoreProgress::open).sum();
    }

    public int getRequired() {
        return board.stream().mapToInt(StoreProgress::required).sum();
    }

    public CharterVersion getVersion() {
        return version;
    }

    public List<StoreProgress> getBoard() {
        return board;
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
