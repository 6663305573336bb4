package org.charter.model.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;

/**
 * A step a manager took about an employee, from a complaint or from what they observed: coaching, a retraining on
 * a section of the charter in force, a written or a final warning. A retraining is done the way training is done
 * (read, pass the quiz, sign), and keeps its signature: the SHA-256 of what was shown, the statement and the name.
 */
@Entity
@Table(name = "corrective_action")
public class CorrectiveAction extends TenantOwned {

    private static final long serialVersionUID = 1L;

    public static final int NOTE_LENGTH = 2000;

    @Column(name = "person_id", nullable = false, length = 36)
    private String personId;

    @Column(name = "store_id", nullable = false, length = 36)
    private String storeId;

    @Column(name = "feedback_id", length = 36)
    private String feedbackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CorrectiveKind kind;

    @Column(nullable = false, length = NOTE_LENGTH)
    private String note;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "version_id", length = 36)
    private String versionId;

    @Column(name = "section_id", length = 36)
    private String sectionId;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(length = 8)
    private String locale;

    @Column(name = "content_sha256", length = 64)
    private String contentSha256;

    @Column(length = 2000)
    private String statement;

    @Column(name = "typed_name", length = 120)
    private String typedName;

    protected CorrectiveAction() {}

    /** What the manager decided; a retraining needs the version in force and a due date, on or after today. */
    public record Decided(CorrectiveKind kind, String note, String sectionId, LocalDate dueDate) {}

    public CorrectiveAction(
            String personId,
            String storeId,
            String feedbackId,
            Decided decided,
            String versionInForce,
            LocalDate today,
            String by,
            OffsetDateTime at) {
        if (decided.kind() == null) {
            throw new BusinessException("error.required", "correctiveKind");
        }
        String text = decided.note() == null ? "" : decided.note().strip();
        if (text.isEmpty()) {
            throw new BusinessException("error.corrective.note");
        }
        if (text.length() > NOTE_LENGTH) {
            throw new BusinessException("error.tooLong", "note", NOTE_LENGTH);
        }
        if (decided.kind() == CorrectiveKind.RETRAINING) {
            if (versionInForce == null) {
                throw new BusinessException("error.corrective.noVersion");
            }
            if (decided.dueDate() == null || decided.dueDate().isBefore(today)) {
                throw new BusinessException("error.corrective.due");
            }
            this.versionId = versionInForce;
            this.sectionId = decided.sectionId();
            this.dueDate = decided.dueDate();
        }
        this.personId = Objects.requireNonNull(personId);
        this.storeId = Objects.requireNonNull(storeId);
        this.feedbackId = feedbackId;
        this.kind = decided.kind();
        this.note = text;
        this.createdBy = Objects.requireNonNull(by);
        this.createdAt = Objects.requireNonNull(at);
    }

    /** The retraining is done: signed after reading and passing the quiz again. */
    public void completeRetraining(
            OffsetDateTime at, String shownLocale, String shownSha256, String signedStatement, String name) {
        if (kind != CorrectiveKind.RETRAINING) {
            throw new BusinessException("error.corrective.notRetraining");
        }
        if (completedAt != null) {
            return;
        }
        this.completedAt = Objects.requireNonNull(at);
        this.locale = shownLocale;
        this.contentSha256 = Objects.requireNonNull(shownSha256);
        this.statement = signedStatement;
        this.typedName = name;
    }

    public boolean isOpenRetraining() {
        return kind == CorrectiveKind.RETRAINING && completedAt == null;
    }

    public String getPersonId() {
        return personId;
    }

    public String getStoreId() {
        return storeId;
    }

    public String getFeedbackId() {
        return feedbackId;
    }

    public CorrectiveKind getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getVersionId() {
        return versionId;
    }

    public String getSectionId() {
        return sectionId;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }

    public String getLocale() {
        return locale;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public String getStatement() {
        return statement;
    }

    public String getTypedName() {
        return typedName;
    }
}
