package org.charter.model.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.charter.model.common.TenantOwned;

/**
 * One person's duty to read, pass and sign one version, due by a date. Its verbs are the only moves between the
 * states of {@link AssignmentStatus}:
 *
 * <pre>
 *   ASSIGNED --excuse--> EXCUSED --withdrawExcuse--> ASSIGNED
 *   ASSIGNED | EXCUSED --complete--> COMPLETED (final)
 *   ASSIGNED | EXCUSED --withdraw--> WITHDRAWN --reopen--> ASSIGNED
 * </pre>
 *
 * The set-wise statements that assign a whole franchise at once, withdraw a leaver's assignments and complete an
 * assignment in the same statement that records its signature follow the same moves in SQL (the signing one names
 * the states through {@link AssignmentStatus}); the database keeps the store x version roll-up from every change.
 */
@Entity
@Table(name = "assignment")
public class Assignment extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @Column(name = "version_id", nullable = false, updatable = false)
    private String versionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private String personId;

    @Column(name = "store_id", nullable = false)
    private String storeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AssignmentStatus status;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "assigned_at", insertable = false, updatable = false)
    private OffsetDateTime assignedAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    @Column(name = "excused_reason", length = 500)
    private String excusedReason;

    @Column(name = "excused_until")
    private LocalDate excusedUntil;

    @Column(name = "excused_by", length = 64)
    private String excusedBy;

    protected Assignment() {}

    /** A new, open assignment of {@code versionId} to a person of a store. */
    public static Assignment assign(String versionId, String personId, String storeId, LocalDate due) {
        Assignment assignment = new Assignment();
        assignment.versionId = versionId;
        assignment.personId = personId;
        assignment.storeId = storeId;
        assignment.status = AssignmentStatus.ASSIGNED;
        assignment.dueDate = due;
        return assignment;
    }

    /** Whether the person still has to sign. */
    public boolean isOpen() {
        return status == AssignmentStatus.ASSIGNED;
    }

    /** On leave until {@code until}: excused by {@code by} for {@code reason}, due again by {@code due}. */
    public void excuse(String reason, LocalDate until, String by, LocalDate due) {
        require(status == AssignmentStatus.ASSIGNED, "excuse");
        if (reason == null || reason.isBlank() || until == null || due == null || due.isBefore(until)) {
            throw new IllegalArgumentException("an excuse needs a reason, a return date and a due date after it");
        }
        status = AssignmentStatus.EXCUSED;
        excusedReason = reason.strip();
        excusedUntil = until;
        excusedBy = by;
        dueDate = due;
    }

    /** The excuse is taken back: open again, due by {@code due}. */
    public void withdrawExcuse(LocalDate due) {
        require(status == AssignmentStatus.EXCUSED, "withdraw the excuse of");
        status = AssignmentStatus.ASSIGNED;
        excusedReason = null;
        excusedUntil = null;
        excusedBy = null;
        dueDate = due;
    }

    /** Signed at {@code at}: final. */
    public void complete(OffsetDateTime at) {
        require(status == AssignmentStatus.ASSIGNED || status == AssignmentStatus.EXCUSED, "complete");
        status = AssignmentStatus.COMPLETED;
        completedAt = at;
    }

    /** The person left: the assignment stops counting. */
    public void withdraw() {
        require(status == AssignmentStatus.ASSIGNED || status == AssignmentStatus.EXCUSED, "withdraw");
        status = AssignmentStatus.WITHDRAWN;
    }

    /** The person joined again (at {@code storeId}): open anew, due by {@code due}, any old excuse forgotten. */
    public void reopen(String storeId, LocalDate due) {
        require(status == AssignmentStatus.WITHDRAWN, "reopen");
        this.storeId = storeId;
        status = AssignmentStatus.ASSIGNED;
        excusedReason = null;
        excusedUntil = null;
        excusedBy = null;
        dueDate = due;
    }

    private void require(boolean allowed, String move) {
        if (!allowed) {
            throw new IllegalStateException("cannot " + move + " an assignment that is " + status);
        }
    }

    public String getVersionId() {
        return versionId;
    }

    public String getPersonId() {
        return personId;
    }

    public String getStoreId() {
        return storeId;
    }

    public AssignmentStatus getStatus() {
        return status;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public OffsetDateTime getAssignedAt() {
        return assignedAt;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }

    public String getExcusedReason() {
        return excusedReason;
    }

    public LocalDate getExcusedUntil() {
        return excusedUntil;
    }

    public String getExcusedBy() {
        return excusedBy;
    }
}
