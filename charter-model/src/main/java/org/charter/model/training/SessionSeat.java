package org.charter.model.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.charter.model.common.TenantOwned;
import org.charter.model.people.Person;

/** A person invited to a session, and whether they came (unknown until the manager records it). */
@Entity
@Table(name = "session_seat")
public class SessionSeat extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false)
    @JoinColumn(name = "session_id")
    private TrainingSession session;

    @ManyToOne(optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "invited_at", insertable = false, updatable = false)
    private OffsetDateTime invitedAt;

    @Column
    private Boolean attended;

    protected SessionSeat() {}

    public SessionSeat(TrainingSession session, Person person) {
        this.session = session;
        this.person = person;
    }

    public TrainingSession getSession() {
        return session;
    }

    public Person getPerson() {
        return person;
    }

    public OffsetDateTime getInvitedAt() {
        return invitedAt;
    }

    public Boolean getAttended() {
        return attended;
    }

    public void setAttended(Boolean attended) {
        this.attended = attended;
    }
}
