package org.charter.service.feedback;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.ServiceStandard;
import org.charter.model.charter.StandardText;
import org.charter.model.charter.Visibility;
import org.charter.model.common.BusinessException;
import org.charter.model.common.NotFoundException;
import org.charter.model.feedback.EntryKind;
import org.charter.model.feedback.Feedback;
import org.charter.model.feedback.FeedbackEntry;
import org.charter.model.feedback.FeedbackStatus;
import org.charter.model.franchise.Language;
import org.charter.model.store.Store;
import org.charter.service.database.DatabaseClock;
import org.charter.service.notice.NoticeKind;
import org.charter.service.notice.ReminderPlanner;
import org.charter.service.publication.PublicFranchise;
import org.charter.service.publication.PublishedCharterService;

/**
 * The customer's side, without sign-in: the form of a store, sending it, and the case's status page reached with
 * its reference and the secret of its link. The franchise comes from the address; everything after that runs as
 * that franchise. A reference or secret that does not match is "not found", never a hint which of the two was
 * wrong.
 */
@Stateless
public class FeedbackIntake {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    PublishedCharterService published;

    @Inject
    Promises promises;

    @Inject
    DatabaseClock clock;

    @Inject
    ReminderPlanner planner;

    @Inject
    CustomerMail mail;

    @Inject
    References references;

    @Inject
    org.charter.service.webhook.WebhookEvents webhooks;

    /** A promise a customer can say a case is about: a public section, in their words, with its standards. */
    public record Topic(String sectionId, SectionKind kind, String title, List<String> promises) {}

    /** What the form of a store shows. */
    public record Form(
            PublicFranchise franchise,
            Language language,
            String storeCode,
            String storeName,
            List<Topic> topics,
            boolean privacySection) {}

    /**
     * What the customer gets back: the reference to quote, the secret of their status page's link, and the
     * language the case is kept in.
     */
    public record Sent(String reference, String secret, Language language) {}

    /** A line of the thread the customer sees (never the store's internal notes). */
    public record Line(EntryKind kind, String body, FeedbackStatus status, OffsetDateTime at) {}

    /** The customer's status page. */
    public record Status(
            PublicFranchise franchise,
            Language language,
            String reference,
            String storeName,
            String storeCode,
            Feedback feedback,
            List<Line> thread) {}

    /** The form of a store, in the first of {@code wanted} the franchise writes in; empty when there is no such store. */
    public Optional<Form> form(String slug, String storeCode, List<Language> wanted) {
        Optional<PublicFranchise> found = published.enter(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublicFranchise franchise = found.get();
        Optional<StoreRef> store = store(storeCode);
        if (store.isEmpty()) {
            return Optional.empty();
        }
        Language language = franchise.language(wanted);
        List<Topic> topics = new ArrayList<>();
        boolean privacy = false;
        Optional<CharterVersion> version = promises.inForce();
        if (version.isPresent()) {
            for (CharterSection section : version.get().getSections()) {
                if (section.getVisibility() != Visibility.PUBLIC) {
                    continue;
                }
                privacy |= section.getKind() == SectionKind.PRIVACY;
                List<String> said = new ArrayList<>();
                for (ServiceStandard standard : section.getStandards()) {
                    standard.text(language).map(StandardText::getPromise).ifPresent(said::add);
                }
                topics.add(new Topic(
                        section.getId(),
                        section.getKind(),
                        section.text(language)
                                .map(t -> t.getTitle())
                                .orElse(section.getKind().name()),
                        said));
            }
        }
        return Optional.of(
                new Form(franchise, language, store.get().code(), store.get().name(), topics, privacy));
    }

    /**
     * Records what the customer told the store, measures a complaint against the charter's promise for its
     * channel, tells the store's managers, and queues the customer's receipt when they left an address. All in
     * one transaction: a refused form writes nothing.
     */
    public Sent send(String slug, String storeCode, List<Language> wanted, Feedback.Told told) {
        PublicFranchise franchise = published.enter(slug).orElseThrow(() -> new NotFoundException("franchise", slug));
        StoreRef store = store(storeCode).orElseThrow(() -> new NotFoundException("store", storeCode));
        Language language = franchise.language(wanted);
        if (told.sectionId() != null && !publicSection(told.sectionId())) {
            throw new BusinessException("error.feedback.section");
        }
        OffsetDateTime now = clock.now();
        String secret = secret();
        Feedback feedback = new Feedback(
                store.id(), references.draw(), sha256(secret), withLocale(told, language), now, store.timeZone());
        promises.measure(feedback);
        em.persist(feedback);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw ReferenceTaken.isCause(e) ? new ReferenceTaken() : e;
        }
        planner.notify(
                NoticeKind.FEEDBACK_RECEIVED,
                franchise.id(),
                now,
                "select m.person_id, 'feedback:' || fb.id, json_build_object('reference', fb.reference,"
                        + " 'store', s.name, 'kind', fb.kind)::text, '/store/case.xhtml?id=' || fb.id"
                        + " from feedback fb join store s on s.id = fb.store_id"
                        + " join store_membership m on m.store_id = fb.store_id and m.role = 'MANAGER'"
                        + " join person p on p.id = m.person_id and p.status = 'ACTIVE'"
                        + " where fb.id = cast(?5 as uuid)",
                feedback.getId());
        if (feedback.getKind() == org.charter.model.feedback.FeedbackKind.COMPLAINT) {
            jakarta.json.JsonObjectBuilder data = jakarta.json.Json.createObjectBuilder()
                    .add("reference", feedback.getReference())
                    .add("store", store.code())
                    .add("channel", feedback.getChannel().name())
                    .add("receivedAt", feedback.getReceivedAt().toString());
            if (feedback.getResponseDueAt() != null) {
                data.add("responseDueAt", feedback.getResponseDueAt().toString());
            }
            webhooks.raise(franchise.id(), org.charter.service.webhook.WebhookEvent.COMPLAINT_RECEIVED, data.build());
        }
        if (feedback.hasMailContact()) {
            mail.queue(
                    franchise.id(),
                    feedback,
                    store.name(),
                    NoticeKind.FEEDBACK_RECEIPT,
                    "receipt",
                    link(franchise, feedback, secret),
                    null);
        }
        return new Sent(feedback.getReference(), secret, language);
    }

    /** The case's status page; empty unless the reference and the link's secret belong together. */
    public Optional<Status> status(String slug, String reference, String secret, List<Language> wanted) {
        Optional<PublicFranchise> franchise = published.enter(slug);
        if (franchise.isEmpty()) {
            return Optional.empty();
        }
        Optional<Feedback> found = find(reference, secret);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Feedback feedback = found.get();
        Store store = em.find(Store.class, feedback.getStoreId());
        Language language = wanted.isEmpty()
                ? Language.fromTag(feedback.getLocale()).orElse(franchise.get().defaultLanguage())
                : franchise.get().language(wanted);
        List<Line> thread = em.createQuery(
                        "select e from FeedbackEntry e where e.feedbackId = :id and e.kind <> :note order by e.seq",
                        FeedbackEntry.class)
                .setParameter("id", feedback.getId())
                .setParameter("note", EntryKind.NOTE)
                .getResultStream()
                .map(e -> new Line(e.getKind(), e.getBody(), e.getStatus(), e.getAt()))
                .toList();
        return Optional.of(new Status(
                franchise.get(),
                language,
                feedback.getReference(),
                store.getName(),
                store.getCode(),
                feedback,
                thread));
    }

    /** The customer answers on their status page: the thread keeps it, and a clock stopped for them runs again. */
    public void answer(String slug, String reference, String secret, String text) {
        Feedback feedback = require(slug, reference, secret);
        if (!feedback.getStatus().open()) {
            throw new BusinessException("error.feedback.closed");
        }
        OffsetDateTime now = clock.now();
        em.persist(FeedbackEntry.answered(feedback, text, now));
        // written now, so the thread reads answer, then the status it caused (one commit has no order of its own)
        em.flush();
        if (feedback.getStatus() == FeedbackStatus.WAITING) {
            feedback.resume(now);
            em.persist(FeedbackEntry.moved(feedback, null, now));
        }
    }

    /** The customer's one-click rating of the reply they got. */
    public void rate(String slug, String reference, String secret, int stars) {
        require(slug, reference, secret).rateReply(stars);
    }

    /** The path of the status page, with its secret (the mail needs it; the database keeps only its hash). */
    static String link(PublicFranchise franchise, Feedback feedback, String secret) {
        return "/feedback/" + franchise.slug() + "/case/" + feedback.getReference() + "?k=" + secret;
    }

    private Feedback require(String slug, String reference, String secret) {
        published.enter(slug).orElseThrow(() -> new BusinessException("error.notFound"));
        return find(reference, secret).orElseThrow(() -> new BusinessException("error.notFound"));
    }

    private Optional<Feedback> find(String reference, String secret) {
        if (reference == null || secret == null || reference.length() > 12 || secret.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("select f from Feedback f where f.reference = :reference", Feedback.class)
                .setParameter("reference", reference.strip().toUpperCase(java.util.Locale.ROOT))
                .getResultStream()
                .findFirst()
                .filter(f -> MessageDigest.isEqual(
                        f.getSecretSha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        sha256(secret).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /** What the form needs of a store: read as three columns, not as the store with its region and channels. */
    private record StoreRef(String id, String code, String name, String timeZone) {}

    private Optional<StoreRef> store(String code) {
        if (code == null || code.length() > 20) {
            return Optional.empty();
        }
        return em.createQuery(
                        "select s.id, s.code, s.name, s.timeZone from Store s where s.code = :code and s.active = true",
                        Object[].class)
                .setParameter("code", code.toUpperCase(java.util.Locale.ROOT))
                .getResultStream()
                .findFirst()
                .map(row -> new StoreRef((String) row[0], (String) row[1], (String) row[2], (String) row[3]));
    }

    private boolean publicSection(String sectionId) {
        return !em.createQuery(
                        "select s.id from CharterSection s where s.id = :id and s.visibility = :public"
                                + " and s.charterVersion.status = org.charter.model.charter.VersionStatus.PUBLISHED",
                        String.class)
                .setParameter("id", sectionId)
                .setParameter("public", Visibility.PUBLIC)
                .getResultList()
                .isEmpty();
    }

    private static Feedback.Told withLocale(Feedback.Told told, Language language) {
        return new Feedback.Told(
                told.kind(),
                told.channel(),
                told.sectionId(),
                told.rating(),
                told.message(),
                told.servedBy(),
                told.contactName(),
                told.contactEmail(),
                told.contactPhone(),
                told.consent(),
                language.tag());
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
