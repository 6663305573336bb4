package org.charter.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.charter.model.common.Lengths;
import org.charter.model.common.TenantOwned;

/**
 * One line of a franchise's audit trail: who did what to which record. Append-only: the database refuses
 * updates and deletes, stamps the time itself and chains each row's hash to the one before
 * (V1__foundation.sql), so a removed or altered row shows.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @Column(name = "occurred_at", insertable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, length = Lengths.USERNAME)
    private String actor;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "subject_type", nullable = false, length = 40)
    private String subjectType;

    @Column(name = "subject_id", length = 64)
    private String subjectId;

    @Column(length = Lengths.DETAIL)
    private String detail;

    protected AuditEntry() {}

    public AuditEntry(String actor, String action, String subjectType, String subjectId, String detail) {
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.detail =
                detail == null || detail.length() <= Lengths.DETAIL ? detail : detail.substring(0, Lengths.DETAIL);
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getDetail() {
        return detail;
    }
}
