package org.charter.web.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.service.dashboard.DashboardService;
import org.charter.service.dashboard.Overview;
import org.charter.service.people.PeopleService;
import org.charter.web.shell.CurrentUser;

/** {@code /app/index.xhtml}: each role's landing page. */
@Named
@RequestScoped
public class DashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DashboardService dashboard;

    @Inject
    PeopleService people;

    @Inject
    CurrentUser user;

    @Inject
    org.charter.service.rollout.AcknowledgementService acknowledgements;

    @Inject
    org.charter.service.rollout.StoreTrainingService storeTraining;

    @Inject
    org.charter.service.sessions.SessionService sessions;

    @Inject
    org.charter.service.review.ReviewService reviews;

    @Inject
    org.charter.service.notice.DeliveryService deliveries;

    private org.charter.service.review.ReviewStatus review;
    private long failedMails;
    private long openTraining;
    private List<org.charter.service.rollout.StoreProgress> storeProgress = List.of();
    private List<org.charter.service.sessions.SessionLine> nextSessions = List.of();

    private Overview overview;
    private String fullName;
    private List<String> myStores;

    public void load() {
        overview = dashboard.overview();
        if (!user.isPlatformAdmin()) {
            fullName = people.myself().getFullName();
            myStores = people.myStoreNames();
            openTraining = acknowledgements.myAssignments().stream()
                    .filter(org.charter.service.rollout.MyAssignment::isOpen)
                    .count();
            if (user.isHqAdmin()) {
                review = reviews.status();
                failedMails = deliveries.failedCount();
            }
            if (user.isStoreManager() && !user.isHqAdmin()) {
                storeProgress = storeTraining.myStores();
                nextSessions = sessions.calendar(java.time.OffsetDateTime.now()).stream()
                        .filter(s -> !s.cancelled())
                        .limit(5)
                        .toList();
            }
        } else {
            fullName = user.getUsername();
            myStores = List.of();
        }
    }

    /** Where the review of the charter in force stands (headquarters only). */
    public org.charter.service.review.ReviewStatus getReview() {
        return review;
    }

    public long getReviewDaysOverdue() {
        return review == null ? 0 : -review.daysLeft();
    }

    /** Mails that failed for good (headquarters only). */
    public long getFailedMails() {
        return failedMails;
    }

    public List<org.charter.service.rollout.StoreProgress> getStoreProgress() {
        return storeProgress;
    }

    public List<org.charter.service.sessions.SessionLine> getNextSessions() {
        return nextSessions;
    }

    public long getOpenTraining() {
        return openTraining;
    }

    public Overview getOverview() {
        return overview;
    }

    public String getFullName() {
        return fullName;
    }

    public List<String> getMyStores() {
        return myStores;
    }
}
