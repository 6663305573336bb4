package org.charter.service.feedback;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.charter.model.common.BusinessException;
import org.charter.model.feedback.EntryKind;
import org.charter.model.feedback.Feedback;
import org.charter.model.feedback.FeedbackEntry;
import org.charter.model.feedback.FeedbackStatus;
import org.charter.model.people.Role;
import org.charter.model.store.Store;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.notice.NoticeKind;
import org.charter.service.store.StoreScope;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * A store's cases, for its managers (their stores only) and headquarters (every store): the list, one case with
 * its thread, and the steps new → acknowledged → waiting for the customer → resolved → closed, internal notes and
 * replies by mail. A case of a store outside the caller's reach is "not found", like another franchise's.
 */
@Stateless
@Guarded
@Permit({Role.STORE_MANAGER, Role.HQ_ADMIN})
public class CaseService {

    /** The most cases a list shows; the overview and its export count all of them. */
    public static final int LIST_LIMIT = 200;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    StoreScope stores;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    CaseScope scope;

    @Inject
    CustomerMail mail;

    /** A case as lists show it. */
    public record CaseLine(
            String id,
            String reference,
            String storeName,
            String kind,
            String channel,
            FeedbackStatus status,
            OffsetDateTime receivedAt,
            OffsetDateTime nextDue,
            boolean late,
            String timeZone) {

        /** A time of the case on its store's clock. */
        public java.time.ZonedDateTime local(OffsetDateTime at) {
            return at == null ? null : at.atZoneSameInstant(java.time.ZoneId.of(timeZone));
        }
    }

    /** One case, its store, and its whole thread (internal notes included). */
    public record Case(Feedback feedback, String storeName, String sectionTitle, List<FeedbackEntry> thread) {}

    /**
     * The newest cases of the caller's stores (or of {@code storeId}), the open ones only when {@code openOnly}.
     */
    public List<CaseLine> cases(String storeId, boolean openOnly) {
        List<String> mine = storeId == null || storeId.isBlank() ? stores.managedStoreIds() : List.of(storeId);
        if (storeId != null && !storeId.isBlank()) {
            stores.requireStore(storeId);
        }
        if (mine != null && mine.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = clock.now();
        TypedQuery<Object[]> query = em.createQuery(
                        "select f.id, f.reference, s.name, f.kind, f.channel, f.status, f.receivedAt,"
                                + " f.respondedAt, f.responseDueAt, f.resolutionDueAt, s.timeZone from Feedback f, Store s"
                                + " where s.id = f.storeId"
                                + (mine == null ? "" : " and f.storeId in :stores")
                                + (openOnly ? " and f.status in :open" : "")
                                + " order by f.receivedAt desc",
                        Object[].class)
                .setMaxResults(LIST_LIMIT);
        if (mine != null) {
            query.setParameter("stores", mine);
        }
        if (openOnly) {
            query.setParameter(
                    "open", List.of(FeedbackStatus.NEW, FeedbackStatus.ACKNOWLEDGED, FeedbackStatus.WAITING));
        }
        return query.getResultStream()
                .map(r -> {
                    FeedbackStatus status = (FeedbackStatus) r[5];
                    OffsetDateTime next = null;
                    if (status.open() && status != FeedbackStatus.WAITING) {
                        next = r[7] == null && r[8] != null ? (OffsetDateTime) r[8] : (OffsetDateTime) r[9];
                    }
                    return new CaseLine(
                            (String) r[0],
                            (String) r[1],
                            (String) r[2],
                            r[3].toString(),
                            r[4].toString(),
                            status,
                            (OffsetDateTime) r[6],
                            next,
                            next != null && next.isBefore(now),
                            (String) r[10]);
                })
                .toList();
    }

    public Case open(String id) {
        Feedback feedback = require(id);
        Store store = em.find(Store.class, feedback.getStoreId());
        String section = feedback.getSectionId() == null
                ? null
                : em.createQuery(
                                "select t.title from SectionText t where t.section.id = :section"
                                        + " order by (case when t.locale = :locale then 0 else 1 end)",
                                String.class)
                        .setParameter("section", feedback.getSectionId())
                        .setParameter("locale", feedback.getLocale())
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        List<FeedbackEntry> thread = em.createQuery(
                        "select e from FeedbackEntry e where e.feedbackId = :id order by e.seq", FeedbackEntry.class)
                .setParameter("id", feedback.getId())
                .getResultList();
        return new Case(feedback, store.getName(), section, thread);
    }

    public void acknowledge(String id) {
        move(id, "feedback.acknowledged", f -> f.acknowledge(clock.now()));
    }

    public void waitForCustomer(String id) {
        move(id, "feedback.waiting", f -> f.waitForCustomer(clock.now()));
    }

    public void resume(String id) {
        move(id, "feedback.resumed", f -> {
            if (f.getStatus() != FeedbackStatus.WAITING) {
                throw new BusinessException(
                        "error.feedback.status", f.getStatus().name());
            }
            f.resume(clock.now());
        });
    }

    public void resolve(String id) {
        move(id, "feedback.resolved", f -> f.resolve(clock.now()));
    }

    public void close(String id) {
        move(id, "feedback.closed", f -> f.close(clock.now()));
    }

    /** An internal note: never shown to the customer. */
    public void note(String id, String text) {
        Feedback feedback = require(id);
        em.persist(FeedbackEntry.written(
                feedback, EntryKind.NOTE, text, callers.current().username(), clock.now()));
        audit.record("feedback.noted", "feedback", feedback.getId(), feedback.getReference());
    }

    /**
     * A reply to the customer, by mail in their language, with the link to their status page where they can
     * answer and rate it. Counts as the first response when nothing responded before.
     */
    public void reply(String id, String text) {
        Feedback feedback = require(id);
        OffsetDateTime now = clock.now();
        FeedbackStatus before = feedback.getStatus();
        feedback.replied(now);
        FeedbackEntry reply = FeedbackEntry.written(
                feedback, EntryKind.REPLY, text, callers.current().username(), now);
        em.persist(reply);
        em.flush();
        if (before != feedback.getStatus()) {
            em.persist(FeedbackEntry.moved(feedback, callers.current().username(), now));
        }
        String franchise = callers.current().franchiseId();
        mail.queue(
                franchise,
                feedback,
                em.find(Store.class, feedback.getStoreId()).getName(),
                NoticeKind.FEEDBACK_REPLY,
                "reply:" + reply.getId(),
                mail.statusLink(franchise, feedback),
                reply.getBody());
        audit.record("feedback.replied", "feedback", feedback.getId(), feedback.getReference());
    }

    private Feedback require(String id) {
        return scope.require(id);
    }

    private void move(String id, String action, Consumer<Feedback> step) {
        Feedback feedback = require(id);
        step.accept(feedback);
        em.persist(FeedbackEntry.moved(feedback, callers.current().username(), clock.now()));
        audit.record(action, "feedback", feedback.getId(), feedback.getReference() + " " + feedback.getStatus());
    }
}
