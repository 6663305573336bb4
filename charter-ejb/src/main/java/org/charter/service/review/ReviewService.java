package org.charter.service.review;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.charter.model.charter.CharterReview;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.VersionStatus;
import org.charter.model.common.BusinessException;
import org.charter.model.franchise.Franchise;
import org.charter.model.people.Role;
import org.charter.service.audit.AuditTrail;
import org.charter.service.charter.CharterService;
import org.charter.service.database.DatabaseClock;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/** Headquarters review the charter in force at the franchise's interval, and keep a record of each review. */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class ReviewService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    CharterService charters;

    public ReviewStatus status() {
        Franchise franchise = franchise();
        int interval = franchise.getReminderTimings().reviewIntervalMonths();
        Optional<CharterVersion> inForce = inForce();
        List<CharterReview> reviews = em.createQuery(
                        "select r from CharterReview r order by r.reviewedAt desc, r.id", CharterReview.class)
                .getResultList();
        List<CharterVersion> versions = charters.listVersions();
        List<ReviewStatus.ReviewLine> history = reviews.stream()
                .map(r -> new ReviewStatus.ReviewLine(
                        r.getReviewedAt(),
                        r.getReviewedBy(),
                        r.getOutcome().name(),
                        r.getNote(),
                        number(versions, r.getVersionId()),
                        r.getDraftVersionId() == null ? null : number(versions, r.getDraftVersionId())))
                .toList();
        boolean draftOpen = versions.stream().anyMatch(v -> v.getStatus() == VersionStatus.DRAFT);
        if (inForce.isEmpty()) {
            return new ReviewStatus(null, 0, null, null, interval, null, 0, draftOpen, history);
        }
        CharterVersion version = inForce.get();
        ZoneId zone = ZoneId.of(franchise.getTimeZone());
        OffsetDateTime lastReview = reviews.stream()
                .filter(r -> r.getVersionId().equals(version.getId()))
                .map(CharterReview::getReviewedAt)
                .findFirst()
                .orElse(null);
        OffsetDateTime base = lastReview != null && lastReview.isAfter(version.getPublishedAt())
                ? lastReview
                : version.getPublishedAt();
        // the same date the reminder rules compute in SQL: the base's local day plus the interval
        LocalDate due = base.atZoneSameInstant(zone).toLocalDate().plusMonths(interval);
        LocalDate today = clock.now().atZoneSameInstant(zone).toLocalDate();
        return new ReviewStatus(
                version.getId(),
                version.getNumber(),
                version.getPublishedAt(),
                lastReview,
                interval,
                due,
                ChronoUnit.DAYS.between(today, due),
                draftOpen,
                history);
    }

    /** The charter in force still holds: the next review falls due one interval from now. */
    public void recordNoChange(String note) {
        CharterVersion version = inForce().orElseThrow(() -> new BusinessException("error.review.notInForce"));
        CharterReview review =
                CharterReview.noChange(version, clock.now(), callers.current().username(), note);
        em.persist(review);
        audit.record(
                "charter.reviewed",
                "charterVersion",
                version.getId(),
                "v" + version.getNumber() + " no change: " + abbreviated(review.getNote()));
    }

    /** The charter in force needs changes: a new draft is opened from it, and the review records which. */
    public CharterVersion openDraft(String note) {
        CharterVersion version = inForce().orElseThrow(() -> new BusinessException("error.review.notInForce"));
        // checked before the draft is made, so a missing note does not leave a draft behind
        CharterReview.validNote(note);
        CharterVersion draft = charters.startDraft();
        // the review refers to the draft by its id alone: the draft's row is written first (no other statement of
        // this transaction flushes it before the review's insert)
        em.flush();
        CharterReview review = CharterReview.newDraft(
                version, draft, clock.now(), callers.current().username(), note);
        em.persist(review);
        audit.record(
                "charter.reviewed",
                "charterVersion",
                version.getId(),
                "v" + version.getNumber() + " new draft v" + draft.getNumber() + ": " + abbreviated(review.getNote()));
        return draft;
    }

    private Optional<CharterVersion> inForce() {
        return em.createQuery("select v from CharterVersion v where v.status = :published", CharterVersion.class)
                .setParameter("published", VersionStatus.PUBLISHED)
                .getResultStream()
                .findFirst();
    }

    private Franchise franchise() {
        return em.find(Franchise.class, callers.current().franchiseId());
    }

    private static int number(List<CharterVersion> versions, String id) {
        return versions.stream()
                .filter(v -> v.getId().equals(id))
                .mapToInt(CharterVersion::getNumber)
                .findFirst()
                .orElse(0);
    }

    private static String abbreviated(String note) {
        return note.length() <= 200 ? note : note.substring(0, 199) + "…";
    }
}
