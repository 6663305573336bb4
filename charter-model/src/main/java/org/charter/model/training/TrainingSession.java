package org.charter.model.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.charter.model.charter.CharterVersion;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.store.Store;

/** A training session a store manager holds for the people of their store, on one charter version. */
@Entity
@Table(name = "training_session")
public class TrainingSession extends TenantOwned {

    private static final long serialVersionUID = 1L;

    public static final int PLACE_LENGTH = 300;
    public static final int TRAINER_LENGTH = 120;
    public static final int MAX_CAPACITY = 200;

    @ManyToOne(optional = false)
    @JoinColumn(name = "store_id")
    private Store store;

    @ManyToOne(optional = false)
    @JoinColumn(name = "version_id")
    private CharterVersion charterVersion;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(nullable = false, length = PLACE_LENGTH)
    private String place;

    @Column(nullable = false, length = TRAINER_LENGTH)
    private String trainer;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private boolean cancelled;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected TrainingSession() {}

    public TrainingSession(Store store, CharterVersion charterVersion, String createdBy) {
        this.store = store;
        this.charterVersion = charterVersion;
        this.createdBy = createdBy;
    }

    /** Sets when, how long, where, who trains and how many seats, after checking each. */
    public void plan(OffsetDateTime when, int minutes, String where, String who, int seats) {
        if (when == null) {
            throw new BusinessException("error.required", "startsAt");
        }
        if (minutes < 5 || minutes > 480) {
            throw new BusinessException("error.session.duration");
        }
        String tidyPlace = where == null ? "" : where.strip();
        String tidyTrainer = who == null ? "" : who.strip();
        if (tidyPlace.isEmpty()) {
            throw new BusinessException("error.required", "place");
        }
        if (tidyTrainer.isEmpty()) {
            throw new BusinessException("error.required", "trainer");
        }
        if (tidyPlace.length() > PLACE_LENGTH) {
            throw new BusinessException("error.tooLong", "place", PLACE_LENGTH);
        }
        if (tidyTrainer.length() > TRAINER_LENGTH) {
            throw new BusinessException("error.tooLong", "trainer", TRAINER_LENGTH);
        }
        if (seats < 1 || seats > MAX_CAPACITY) {
            throw new BusinessException("error.session.capacity", MAX_CAPACITY);
        }
        this.startsAt = when;
        this.durationMinutes = minutes;
        this.place = tidyPlace;
        this.trainer = tidyTrainer;
        this.capacity = seats;
    }

    public void cancel() {
        this.cancelled = true;
    }

    public Store getStore() {
        return store;
    }

    public CharterVersion getCharterVersion() {
        return charterVersion;
    }

    public OffsetDateTime getStartsAt() {
        return startsAt;
    }

    public OffsetDateTime getEndsAt() {
        return startsAt.plusMinutes(durationMinutes);
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public String getPlace() {
        return place;
    }

    public String getTrainer() {
        return trainer;
    }

    public int getCapacity() {
        return capacity;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
