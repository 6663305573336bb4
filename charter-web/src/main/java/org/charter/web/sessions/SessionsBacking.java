package org.charter.web.sessions;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.charter.model.training.TrainingSession;
import org.charter.service.sessions.SessionForm;
import org.charter.service.sessions.SessionLine;
import org.charter.service.sessions.SessionService;
import org.charter.service.store.StoreService;
import org.charter.service.store.StoreSummary;
import org.charter.web.shell.Texts;

/**
 * {@code /store/sessions.xhtml}: the manager's calendar of training sessions, day by day, in each store's own
 * time, and the form to plan a new one.
 */
@Named
@ViewScoped
public class SessionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;

    @Inject
    StoreService stores;

    private List<StoreSummary> myStores = List.of();
    private Map<LocalDate, List<SessionLine>> days = Map.of();

    private String store;
    private LocalDate day = LocalDate.now().plusDays(1);
    private LocalTime time = LocalTime.of(9, 0);
    private int duration = 45;
    private String place;
    private String trainer;
    private int capacity = 10;

    public void load() {
        myStores = stores.listStores();
        if ((store == null || store.isBlank()) && !myStores.isEmpty()) {
            store = myStores.get(0).id();
        }
        days = sessions.calendar(OffsetDateTime.now().minusDays(1)).stream()
                .collect(Collectors.groupingBy(SessionLine::getDay, LinkedHashMap::new, Collectors.toList()));
    }

    public String schedule() {
        TrainingSession planned = sessions.schedule(
                store,
                new SessionForm(
                        day == null || time == null ? null : LocalDateTime.of(day, time),
                        duration,
                        place,
                        trainer,
                        capacity));
        Texts.info("session.scheduled");
        return "/store/session?faces-redirect=true&id=" + planned.getId();
    }

    public List<LocalDate> getDayList() {
        return List.copyOf(days.keySet());
    }

    public List<SessionLine> sessionsOn(LocalDate date) {
        return days.getOrDefault(date, List.of());
    }

    public List<StoreSummary> getMyStores() {
        return myStores;
    }

    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public LocalTime getTime() {
        return time;
    }

    public void setTime(LocalTime time) {
        this.time = time;
    }

    public int getDuration() {
        return duration;
    }

    public void setDuration(int duration) {
        this.duration = duration;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getTrainer() {
        return trainer;
    }

    public void setTrainer(String trainer) {
        this.trainer = trainer;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }
}
