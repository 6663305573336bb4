package org.charter.model.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.store.BusinessHours;
import org.charter.model.store.ChannelKind;

/**
 * What one customer told one store, and the case it became. A complaint carries the deadlines the charter in
 * force promised for its channel, counted in the store's hours for that channel: warned at 80 % of the time, due
 * at 100 %. The first response is the first acknowledgement or reply; while the store waits for the customer the
 * resolution clock stands still, and the time it stood is added to the deadline when the case moves again.
 */
@Entity
@Table(name = "feedback")
public class Feedback extends TenantOwned {

    private static final long serialVersionUID = 1L;

    public static final int MESSAGE_LENGTH = 4000;
    public static final int NAME_LENGTH = 120;
    public static final int EMAIL_LENGTH = 254;
    public static final int PHONE_LENGTH = 40;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,30}");
    /** Markup is refused rather than kept: a tag, a comment or a declaration (a lone "<3" is fine). */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[/!?]?\\s*[a-zA-Z!]");

    @Column(name = "store_id", nullable = false, length = 36)
    private String storeId;

    @Column(nullable = false, length = 12)
    private String reference;

    @Column(name = "secret_sha256", nullable = false, length = 64)
    private String secretSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FeedbackKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ChannelKind channel;

    @Column(name = "version_id", length = 36)
    private String versionId;

    @Column(name = "section_id", length = 36)
    private String sectionId;

    private Integer rating;

    @Column(nullable = false, length = MESSAGE_LENGTH)
    private String message;

    @Column(name = "served_by", length = NAME_LENGTH)
    private String servedBy;

    @Column(name = "contact_name", length = NAME_LENGTH)
    private String contactName;

    @Column(name = "contact_email", length = EMAIL_LENGTH)
    private String contactEmail;

    @Column(name = "contact_phone", length = PHONE_LENGTH)
    private String contactPhone;

    @Column(nullable = false)
    private boolean consent;

    @Column(nullable = false, length = 8)
    private String locale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FeedbackStatus status;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "response_standard_id", length = 36)
    private String responseStandardId;

    @Column(name = "resolution_standard_id", length = 36)
    private String resolutionStandardId;

    @Column(name = "response_target", length = 32)
    private String responseTarget;

    @Column(name = "resolution_target", length = 32)
    private String resolutionTarget;

    @Column(length = 200)
    private String hours;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "response_warn_at")
    private OffsetDateTime responseWarnAt;

    @Column(name = "response_due_at")
    private OffsetDateTime responseDueAt;

    @Column(name = "resolution_warn_at")
    private OffsetDateTime resolutionWarnAt;

    @Column(name = "resolution_due_at")
    private OffsetDateTime resolutionDueAt;

    @Column(name = "responded_at")
    private OffsetDateTime respondedAt;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "waiting_since")
    private OffsetDateTime waitingSince;

    @Column(nullable = false)
    private boolean replied;

    @Column(name = "reply_rating")
    private Integer replyRating;

    @Column(name = "erased_at")
    private OffsetDateTime erasedAt;

    protected Feedback() {}

    /** What the customer wrote, checked; every text trimmed, empty optional texts kept as null. */
    public record Told(
            FeedbackKind kind,
            ChannelKind channel,
            String sectionId,
            Integer rating,
            String message,
            String servedBy,
            String contactName,
            String contactEmail,
            String contactPhone,
            boolean consent,
            String locale) {}

    /** A promise measured against: the standard's id and its target. */
    public record Target(String standardId, int value, String unit, Duration duration) {
        String label() {
            return value + " " + unit;
        }
    }

    /**
     * Receives feedback at {@code at} for a store. {@code reference} and {@code secretSha256} are drawn by the
     * caller; the deadlines are set by {@link #measure}.
     */
    public Feedback(
            String storeId, String reference, String secretSha256, Told told, OffsetDateTime at, String timeZone) {
        if (told.kind() == null) {
            throw new BusinessException("error.feedback.kind");
        }
        if (told.channel() == null) {
            throw new BusinessException("error.feedback.channel");
        }
        if (told.rating() != null && (told.rating() < 1 || told.rating() > 5)) {
            throw new BusinessException("error.feedback.rating");
        }
        this.storeId = Objects.requireNonNull(storeId);
        this.reference = Objects.requireNonNull(reference);
        this.secretSha256 = Objects.requireNonNull(secretSha256);
        this.kind = told.kind();
        this.channel = told.channel();
        this.sectionId = told.sectionId();
        this.rating = told.rating();
        this.message = text(told.message(), MESSAGE_LENGTH, "message", true);
        this.servedBy = text(told.servedBy(), NAME_LENGTH, "servedBy", false);
        String name = text(told.contactName(), NAME_LENGTH, "contactName", false);
        String email = text(told.contactEmail(), EMAIL_LENGTH, "contactEmail", false);
        String phone = text(told.contactPhone(), PHONE_LENGTH, "contactPhone", false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new BusinessException("error.email", email);
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new BusinessException("error.phone", phone);
        }
        boolean anyContact = name != null || email != null || phone != null;
        if (anyContact && !told.consent()) {
            throw new BusinessException("error.feedback.consent");
        }
        this.contactName = name;
        this.contactEmail = email;
        this.contactPhone = phone;
        this.consent = anyContact;
        this.locale = Objects.requireNonNull(told.locale());
        this.status = FeedbackStatus.NEW;
        this.receivedAt = Objects.requireNonNull(at);
        this.timeZone = Objects.requireNonNull(timeZone);
    }

    /**
     * A text as kept: trimmed, null when empty (refused when {@code required}), refused when longer than
     * {@code length}, when it carries markup or when it could not be read (a replacement character left by a
     * wrong encoding).
     */
    public static String text(String value, int length, String field, boolean required) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            if (required) {
                throw new BusinessException("error.required", field);
            }
            return null;
        }
        if (trimmed.length() > length) {
            throw new BusinessException("error.tooLong", field, length);
        }
        if (trimmed.indexOf('\uFFFD') >= 0
                || trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new BusinessException("error.feedback.encoding", field);
        }
        if (MARKUP.matcher(trimmed).find()) {
            throw new BusinessException("error.feedback.markup", field);
        }
        return trimmed;
    }

    /**
     * Sets the deadlines of a complaint from the promises of the charter in force ({@code versionId}) for its
     * channel, counted in {@code hours} (the store's hours for that channel; 24/7 when it has none or is never
     * open). A target may be null: the charter made no such promise. Compliments and suggestions keep the version
     * only.
     */
    public void measure(String version, Target response, Target resolution, String channelHours) {
        this.versionId = version;
        if (kind != FeedbackKind.COMPLAINT) {
            return;
        }
        BusinessHours open = clock(channelHours);
        this.hours = open.alwaysOpen() ? "24/7" : channelHours.strip();
        Instant start = receivedAt.toInstant();
        ZoneId zone = zone();
        if (response != null) {
            this.responseStandardId = response.standardId();
            this.responseTarget = response.label();
            this.responseWarnAt = at(open.plus(start, eightyPercent(response.duration()), zone));
            this.responseDueAt = at(open.plus(start, response.duration(), zone));
        }
        if (resolution != null) {
            this.resolutionStandardId = resolution.standardId();
            this.resolutionTarget = resolution.label();
            this.resolutionWarnAt = at(open.plus(start, eightyPercent(resolution.duration()), zone));
            this.resolutionDueAt = at(open.plus(start, resolution.duration(), zone));
        }
    }

    private static BusinessHours clock(String channelHours) {
        BusinessHours open = BusinessHours.of(channelHours);
        return open.neverOpen() ? BusinessHours.of("24/7") : open;
    }

    private static Duration eightyPercent(Duration target) {
        return Duration.ofSeconds(target.getSeconds() * 8 / 10);
    }

    /** The store has seen it: the first response, when nothing responded before. */
    public void acknowledge(OffsetDateTime at) {
        requireOpen();
        if (status == FeedbackStatus.WAITING) {
            resume(at);
        }
        if (status == FeedbackStatus.NEW) {
            status = FeedbackStatus.ACKNOWLEDGED;
        }
        responded(at);
    }

    /** The store replied to the customer (by mail): a first response too. */
    public void replied(OffsetDateTime at) {
        if (!hasMailContact()) {
            throw new BusinessException("error.feedback.noContact");
        }
        requireOpen();
        this.replied = true;
        if (status == FeedbackStatus.NEW) {
            status = FeedbackStatus.ACKNOWLEDGED;
        }
        responded(at);
    }

    /** The store needs something from the customer: the resolution clock stops. */
    public void waitForCustomer(OffsetDateTime at) {
        if (status != FeedbackStatus.ACKNOWLEDGED && status != FeedbackStatus.NEW) {
            throw new BusinessException("error.feedback.status", status.name());
        }
        if (status == FeedbackStatus.NEW) {
            status = FeedbackStatus.ACKNOWLEDGED;
            responded(at);
        }
        status = FeedbackStatus.WAITING;
        waitingSince = at;
    }

    /**
     * The case moves again (the customer answered, or the store goes on): the resolution deadlines move by the
     * open time that was left when the clock stopped.
     */
    public void resume(OffsetDateTime at) {
        if (status != FeedbackStatus.WAITING) {
            return;
        }
        if (resolutionDueAt != null && waitingSince.isBefore(resolutionDueAt)) {
            BusinessHours open = clock(hours);
            ZoneId zone = zone();
            Instant from = waitingSince.toInstant();
            Instant now = at.toInstant();
            Duration leftToDue = open.between(from, resolutionDueAt.toInstant(), zone);
            resolutionDueAt = at(open.plus(now, leftToDue, zone));
            if (resolutionWarnAt.isAfter(waitingSince)) {
                resolutionWarnAt = at(open.plus(now, open.between(from, resolutionWarnAt.toInstant(), zone), zone));
            }
        }
        waitingSince = null;
        status = FeedbackStatus.ACKNOWLEDGED;
    }

    /** Done from the store's side. */
    public void resolve(OffsetDateTime at) {
        requireOpen();
        resume(at);
        responded(at);
        status = FeedbackStatus.RESOLVED;
        resolvedAt = at;
    }

    /** Closed for good: the retention of the customer's contact data counts from here. */
    public void close(OffsetDateTime at) {
        if (status == FeedbackStatus.CLOSED) {
            throw new BusinessException("error.feedback.status", status.name());
        }
        if (status.open()) {
            resolve(at);
        }
        status = FeedbackStatus.CLOSED;
        closedAt = at;
    }

    /** The customer's one-click rating of the store's reply. */
    public void rateReply(int stars) {
        if (!replied) {
            throw new BusinessException("error.feedback.notReplied");
        }
        if (stars < 1 || stars > 5) {
            throw new BusinessException("error.feedback.rating");
        }
        replyRating = stars;
    }

    /** The customer's contact data goes; the case stays, anonymous. */
    public void erase(OffsetDateTime at) {
        contactName = null;
        contactEmail = null;
        contactPhone = null;
        if (erasedAt == null) {
            erasedAt = at;
        }
    }

    public boolean hasMailContact() {
        return contactEmail != null;
    }

    private void responded(OffsetDateTime at) {
        if (respondedAt == null) {
            respondedAt = at;
        }
    }

    private void requireOpen() {
        if (!status.open()) {
            throw new BusinessException("error.feedback.status", status.name());
        }
    }

    private ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public String getStoreId() {
        return storeId;
    }

    public String getReference() {
        return reference;
    }

    public String getSecretSha256() {
        return secretSha256;
    }

    public FeedbackKind getKind() {
        return kind;
    }

    public ChannelKind getChannel() {
        return channel;
    }

    public String getVersionId() {
        return versionId;
    }

    public String getSectionId() {
        return sectionId;
    }

    public Integer getRating() {
        return rating;
    }

    public String getMessage() {
        return message;
    }

    public String getServedBy() {
        return servedBy;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public boolean isConsent() {
        return consent;
    }

    public String getLocale() {
        return locale;
    }

    public FeedbackStatus getStatus() {
        return status;
    }

    public OffsetDateTime getReceivedAt() {
        return receivedAt;
    }

    public String getResponseStandardId() {
        return responseStandardId;
    }

    public String getResolutionStandardId() {
        return resolutionStandardId;
    }

    public String getResponseTarget() {
        return responseTarget;
    }

    public String getResolutionTarget() {
        return resolutionTarget;
    }

    public String getHours() {
        return hours;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public OffsetDateTime getResponseWarnAt() {
        return responseWarnAt;
    }

    public OffsetDateTime getResponseDueAt() {
        return responseDueAt;
    }

    public OffsetDateTime getResolutionWarnAt() {
        return resolutionWarnAt;
    }

    public OffsetDateTime getResolutionDueAt() {
        return resolutionDueAt;
    }

    public OffsetDateTime getRespondedAt() {
        return respondedAt;
    }

    public OffsetDateTime getResolvedAt() {
        return resolvedAt;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public OffsetDateTime getWaitingSince() {
        return waitingSince;
    }

    public boolean isReplied() {
        return replied;
    }

    public Integer getReplyRating() {
        return replyRating;
    }

    public OffsetDateTime getErasedAt() {
        return erasedAt;
    }
}
