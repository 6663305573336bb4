package org.charter.model.charter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;

/**
 * Headquarters looked at the charter in force and decided: it still holds ({@link Outcome#NO_CHANGE}), or it needs
 * a new version ({@link Outcome#NEW_DRAFT}, with the draft it opened). Either way the next review falls due one
 * review interval later. Reviews are kept, never changed (the database grants no update).
 */
@Entity
@Table(name = "charter_review")
public class CharterReview extends TenantOwned {

    private static final long serialVersionUID = 1L;

    /** Longest note, in characters; the same limit as the column. */
    public static final int NOTE_LENGTH = 2000;

    public enum Outcome {
        NO_CHANGE,
        NEW_DRAFT
    }

    @Column(name = "version_id", nullable = false, length = 36)
    private String versionId;

    @Column(name = "reviewed_at", nullable = false)
    private OffsetDateTime reviewedAt;

    @Column(name = "reviewed_by", nullable = false, length = 64)
    private String reviewedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Column(nullable = false, length = NOTE_LENGTH)
    private String note;

    @Column(name = "draft_version_id", length = 36)
    private String draftVersionId;

    protected CharterReview() {}

    private CharterReview(
            CharterVersion inForce, OffsetDateTime at, String by, Outcome outcome, String note, String draftId) {
        if (inForce.getStatus() != VersionStatus.PUBLISHED) {
            throw new BusinessException("error.review.notInForce");
        }
        String trimmed = validNote(note);
        this.versionId = inForce.getId();
        this.reviewedAt = Objects.requireNonNull(at);
        this.reviewedBy = Objects.requireNonNull(by);
        this.outcome = outcome;
        this.note = trimmed;
        this.draftVersionId = draftId;
    }

    /** The note as it is kept (trimmed); refused when empty or longer than {@link #NOTE_LENGTH}. */
    public static String validNote(String note) {
        String trimmed = note == null ? "" : note.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessException("error.review.noteRequired");
        }
        if (trimmed.length() > NOTE_LENGTH) {
            throw new BusinessException("error.review.noteTooLong", NOTE_LENGTH);
        }
        return trimmed;
    }

    /** The version in force still holds as it is. */
    public static CharterReview noChange(CharterVersion inForce, OffsetDateTime at, String by, String note) {
        return new CharterReview(inForce, at, by, Outcome.NO_CHANGE, note, null);
    }

    /** The version in force needs changes; {@code draft} is the draft opened from it. */
    public static CharterReview newDraft(
            CharterVersion inForce, CharterVersion draft, OffsetDateTime at, String by, String note) {
        if (draft.getStatus() != VersionStatus.DRAFT) {
            throw new IllegalArgumentException("not a draft: " + draft.getId());
        }
        return new CharterReview(inForce, at, by, Outcome.NEW_DRAFT, note, draft.getId());
    }

    public String getVersionId() {
        return versionId;
    }

    public OffsetDateTime getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getNote() {
        return note;
    }

    public String getDraftVersionId() {
        return draftVersionId;
    }
}
