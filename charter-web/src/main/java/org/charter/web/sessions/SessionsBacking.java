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

    @Inject
    org.charter.service.rollout.StoreTrainingService training;

    @Inject
    org.charter.web.shell.Dates dates;

    /** How many people still to train the page lists beside the calendar. */
    static final int OPEN_SHOWN = 30;

    private org.primefaces.model.ScheduleModel calendar = new org.primefaces.model.DefaultScheduleModel();
    private List<org.charter.service.rollout.PersonProgress> stillOpen = List.of();

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
        List<SessionLine> lines = sessions.calendar(OffsetDateTime.now().minusDays(1));
        days = lines.stream()
                .collect(Collectors.groupingBy(SessionLine::getDay, LinkedHashMap::new, Collectors.toList()));
        calendar = new org.primefaces.model.DefaultScheduleModel();
        for (SessionLine line : lines) {
            // each session at its store's own wall-clock time: the calendar itself converts nothing (UTC both sides)
            calendar.addEvent(org.primefaces.model.DefaultScheduleEvent.<String>builder()
                    .title(line.storeCode() + " · " + line.place() + " · "
                            + Texts.text("sessions.seats", line.invited(), line.capacity(), line.signed()))
                    .startDate(line.start().toLocalDateTime())
                    .endDate(line.start().toLocalDateTime().plusMinutes(line.durationMinutes()))
                    .data(line.id())
                    .url(null)
                    .styleClass(line.cancelled() ? "session-cancelled" : "session-planned")
                    .draggable(!line.cancelled())
                    .resizable(false)
                    .build());
        }
        stillOpen = training.stillOpen(OPEN_SHOWN);
    }

    /** A session dragged to another day or time in the calendar: moved with the same checks as its form. */
    public void onMove(org.primefaces.event.schedule.ScheduleEntryMoveEvent moved) {
        String sessionId = (String) moved.getScheduleEvent().getData();
        // where it was (the store's wall-clock time), moved by what the calendar says it was dragged by
        LocalDateTime from = days.values().stream()
                .flatMap(List::stream)
                .filter(line -> line.id().equals(sessionId))
                .map(line -> line.start().toLocalDateTime())
                .findFirst()
                .orElse(null);
        if (from != null) {
            LocalDateTime to = from.plusYears(moved.getYearDelta())
                    .plusMonths(moved.getMonthDelta())
                    .plusDays(moved.getDayDelta())
                    .plusMinutes(moved.getMinuteDelta());
            try {
                TrainingSession session = sessions.move(sessionId, to);
                Texts.info(
                        "sessions.moved",
                        dates.medium(session.getStartsAt()
                                .atZoneSameInstant(
                                        java.time.ZoneId.of(session.getStore().getTimeZone()))));
            } catch (org.charter.model.common.BusinessException e) {
                Texts.error(e);
            }
        }
        load();
    }

    public org.primefaces.model.ScheduleModel getCalendar() {
        return calendar;
    }

    public List<org.charter.service.rollout.PersonProgress> getStillOpen() {
        return stillOpen;
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
