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

    @Inject
    org.charter.service.rollout.RolloutService rollouts;

    @Inject
    org.charter.web.shell.Dates dates;

    @Inject
    org.charter.web.shell.I18n i18n;

    /** The rollout in progress, for headquarters: its board (five stores furthest behind) and its chart. */
    private org.charter.service.rollout.Board rollout;

    private String signedChart = "";

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
                loadRollout();
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

    private void loadRollout() {
        org.charter.service.rollout.Board board = rollouts.board(BEHIND_SHOWN);
        if (!board.isInRollout()) {
            return;
        }
        rollout = board;
        int required = getRolloutRequired();
        List<org.charter.service.rollout.RolloutService.SignedBy> days = rollouts.signedOverTime();
        if (!days.isEmpty()) {
            var last = days.get(days.size() - 1);
            signedChart = SignedChart.svg(
                    days,
                    required,
                    board.deadline(),
                    org.charter.web.shell.Texts.text(
                            i18n.getLocale(),
                            "dashboard.rollout.chartText",
                            last.signed(),
                            required,
                            dates.day(last.day()),
                            dates.day(board.deadline())),
                    dates.shortDay(days.get(0).day()),
                    dates.shortDay(board.deadline()));
        }
    }

    /** How many stores furthest behind the dashboard names. */
    static final int BEHIND_SHOWN = 5;

    public org.charter.service.rollout.Board getRollout() {
        return rollout;
    }

    public int getRolloutRequired() {
        return rollout == null
                ? 0
                : rollout.regions().stream().mapToInt(r -> r.required()).sum();
    }

    public int getRolloutCompleted() {
        return rollout == null
                ? 0
                : rollout.regions().stream().mapToInt(r -> r.completed()).sum();
    }

    /** Days from today to the deadline on the franchise's clock; negative once it has passed. */
    public long getRolloutDaysLeft() {
        return rollout == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(rollout.today(), rollout.deadline());
    }

    /** The signatures over time, as SVG markup built from numbers and escaped text only. */
    public String getSignedChart() {
        return signedChart;
    }

    /** A share in whole per cent, for bars: {@code part} of {@code whole}, 0 when there is no whole. */
    public int percent(int part, int whole) {
        return whole <= 0 ? 0 : (int) Math.round(100.0 * part / whole);
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
