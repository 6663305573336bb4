package org.charter.model.franchise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.Lengths;

/**
 * A franchise brand: the tenant. This table is the platform's registry of tenants, so it is not itself
 * tenant-filtered; its id is the {@code tenant_id} of everything the franchise owns.
 */
@Entity
@Table(name = "franchise")
public class Franchise implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_CONTACT_RETENTION_MONTHS = 12;
    public static final int MAX_CONTACT_RETENTION_MONTHS = 120;

    public static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = Lengths.NAME)
    private String name;

    @Column(nullable = false, unique = true, length = Lengths.SLUG)
    private String slug;

    @Column(name = "default_locale", nullable = false, length = Lengths.LOCALE)
    private String defaultLocale;

    @Column(name = "supported_locales", nullable = false, length = Lengths.LOCALES)
    private String supportedLocales;

    @Column(name = "time_zone", nullable = false, length = Lengths.TIME_ZONE)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FranchiseStatus status;

    /** Days a person who joins after publication has to complete the version in force. */
    @Column(name = "new_hire_days", nullable = false)
    private int newHireDays = 14;

    /** Days a person excused for leave has to complete after returning. */
    @Column(name = "return_days", nullable = false)
    private int returnDays = 7;

    @Column(name = "review_interval_months", nullable = false)
    private int reviewIntervalMonths = ReminderTimings.DEFAULTS.reviewIntervalMonths();

    @Column(name = "review_lead_days", nullable = false)
    private int reviewLeadDays = ReminderTimings.DEFAULTS.reviewLeadDays();

    @Column(name = "assignment_lead_days", nullable = false)
    private int assignmentLeadDays = ReminderTimings.DEFAULTS.assignmentLeadDays();

    @Column(name = "rollout_lead_days", nullable = false)
    private int rolloutLeadDays = ReminderTimings.DEFAULTS.rolloutLeadDays();

    @Column(name = "reminder_hour", nullable = false)
    private int reminderHour = ReminderTimings.DEFAULTS.reminderHour();

    @Column(name = "digest_day", nullable = false)
    private int digestDay = ReminderTimings.DEFAULTS.digestDay();

    /** Months a customer's contact data is kept after their case closed. */
    @Column(name = "contact_retention_months", nullable = false)
    private int contactRetentionMonths = DEFAULT_CONTACT_RETENTION_MONTHS;

    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Franchise() {}

    public Franchise(String name, String slug, Language defaultLanguage, Set<Language> supported, String timeZone) {
        this.id = Ids.newId();
        rename(name);
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new BusinessException("error.franchise.slug");
        }
        this.slug = slug;
        changeLanguages(defaultLanguage, supported);
        changeTimeZone(timeZone);
        this.status = FranchiseStatus.ACTIVE;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new BusinessException("error.required", "name");
        }
        this.name = newName.strip();
    }

    /** The default language is always among the supported ones. */
    public void changeLanguages(Language defaultLanguage, Set<Language> supported) {
        Objects.requireNonNull(defaultLanguage);
        Set<Language> all = new LinkedHashSet<>();
        all.add(defaultLanguage);
        if (supported != null) {
            all.addAll(supported);
        }
        this.defaultLocale = defaultLanguage.tag();
        this.supportedLocales = String.join(",", all.stream().map(Language::tag).toList());
    }

    public void changeTimeZone(String zone) {
        this.timeZone = validZone(zone);
    }

    /** Sets the franchise's training due days (1 to 365 each). */
    public void changeDueDays(int forNewHires, int afterReturn) {
        if (forNewHires < 1 || forNewHires > 365 || afterReturn < 1 || afterReturn > 365) {
            throw new org.charter.model.common.BusinessException("error.franchise.dueDays");
        }
        this.newHireDays = forNewHires;
        this.returnDays = afterReturn;
    }

    public int getNewHireDays() {
        return newHireDays;
    }

    public int getReturnDays() {
        return returnDays;
    }

    public int getContactRetentionMonths() {
        return contactRetentionMonths;
    }

    /** How long customers' contact data is kept after their case closed: 1 to 120 months. */
    public void keepContactsFor(int months) {
        if (months < 1 || months > MAX_CONTACT_RETENTION_MONTHS) {
            throw new BusinessException("error.feedback.retention", MAX_CONTACT_RETENTION_MONTHS);
        }
        this.contactRetentionMonths = months;
    }

    public ReminderTimings getReminderTimings() {
        return new ReminderTimings(
                reviewIntervalMonths, reviewLeadDays, assignmentLeadDays, rolloutLeadDays, reminderHour, digestDay);
    }

    public void changeReminderTimings(ReminderTimings timings) {
        Objects.requireNonNull(timings);
        this.reviewIntervalMonths = timings.reviewIntervalMonths();
        this.reviewLeadDays = timings.reviewLeadDays();
        this.assignmentLeadDays = timings.assignmentLeadDays();
        this.rolloutLeadDays = timings.rolloutLeadDays();
        this.reminderHour = timings.reminderHour();
        this.digestDay = timings.digestDay();
    }

    public void suspend() {
        this.status = FranchiseStatus.SUSPENDED;
    }

    public void reactivate() {
        this.status = FranchiseStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == FranchiseStatus.ACTIVE;
    }

    public static String validZone(String zone) {
        try {
            return ZoneId.of(zone == null ? "" : zone.strip()).getId();
        } catch (DateTimeException e) {
            throw new BusinessException("error.timeZone", String.valueOf(zone));
        }
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public Language getDefaultLanguage() {
        return Language.fromTag(defaultLocale).orElse(Language.EN);
    }

    public List<Language> getSupportedLanguages() {
        return Arrays.stream(supportedLocales.split(","))
                .map(Language::fromTag)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    public String getTimeZone() {
        return timeZone;
    }

    public FranchiseStatus getStatus() {
        return status;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Franchise f && Objects.equals(id, f.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
