package org.charter.model.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.TenantOwned;

/** The training of every store on one frozen version, with the day it should be done by. */
@Entity
@Table(name = "rollout")
public class Rollout extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @OneToOne(optional = false)
    @JoinColumn(name = "version_id")
    private CharterVersion charterVersion;

    @Column(nullable = false)
    private LocalDate deadline;

    @Column(name = "started_at", insertable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    protected Rollout() {}

    public Rollout(CharterVersion charterVersion, LocalDate deadline, String startedBy) {
        this.charterVersion = charterVersion;
        this.deadline = deadline;
        this.startedBy = startedBy;
    }

    public CharterVersion getCharterVersion() {
        return charterVersion;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }
}
