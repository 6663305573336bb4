package org.charter.web.review;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.charter.model.charter.CharterVersion;
import org.charter.service.review.ReviewService;
import org.charter.service.review.ReviewStatus;
import org.charter.web.shell.Texts;

/** {@code /hq/review.xhtml}: where the review stands; record "no change" or open a new draft, each with a note. */
@Named
@ViewScoped
public class ReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReviewService reviews;

    private ReviewStatus status;
    private String note;

    public void load() {
        status = reviews.status();
    }

    public void noChange() {
        reviews.recordNoChange(note);
        note = null;
        Texts.info("review.recorded");
        load();
    }

    public String openDraft() {
        CharterVersion draft = reviews.openDraft(note);
        note = null;
        Texts.info("review.draftOpened", draft.getNumber());
        return "/hq/charter?faces-redirect=true";
    }

    public ReviewStatus getStatus() {
        return status;
    }

    public long getDaysOverdue() {
        return status == null ? 0 : -status.daysLeft();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
