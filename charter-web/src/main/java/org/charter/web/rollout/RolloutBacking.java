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

    private CharterVersion version;
    private List<StoreProgress> board = List.of();
    private LocalDate deadline = LocalDate.now().plusDays(30);
    private LocalDate effective = LocalDate.now();
    private LocalDate currentDeadline;

    public void load() {
        version = rollouts.onItsWay().orElse(null);
        board = version != null && version.getStatus() == VersionStatus.ROLLOUT
                ? rollouts.progress(version.getId())
                : List.of();
        currentDeadline =
                version == null ? null : rollouts.deadline(version.getId()).orElse(null);
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

    public boolean isInRollout() {
        return version != null && version.getStatus() == VersionStatus.ROLLOUT;
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
