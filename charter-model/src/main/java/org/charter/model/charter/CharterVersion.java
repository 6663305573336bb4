package org.charter.model.charter;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;

/**
 * One version of the franchise's charter. Edited while a draft; {@link #freeze} fixes its content for good
 * (the database refuses later changes too). Every content change {@link #touch}es the version, so two people
 * editing the same draft see "changed by someone else" instead of losing work.
 */
@Entity
@Table(name = "charter_version")
public class CharterVersion extends TenantOwned {

    private static final long serialVersionUID = 1L;

    public static final int SUMMARY_LENGTH = 2000;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private VersionStatus status;

    @Column(name = "source_locale", nullable = false, length = 8)
    private String sourceLocale;

    @Column(name = "change_summary", length = SUMMARY_LENGTH)
    private String changeSummary;

    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at", nullable = false)
    private OffsetDateTime editedAt;

    @Column(name = "frozen_at")
    private OffsetDateTime frozenAt;

    @Column(name = "effective_date")
    private LocalDate effectiveDate;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @OneToMany(mappedBy = "charterVersion", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<CharterSection> sections = new ArrayList<>();

    protected CharterVersion() {}

    public CharterVersion(int number, Language source, OffsetDateTime now) {
        this.number = number;
        this.sourceLocale = source.tag();
        this.status = VersionStatus.DRAFT;
        this.editedAt = now;
    }

    public CharterSection addSection(SectionKind kind, Visibility visibility) {
        requireDraft();
        if (section(kind).isPresent()) {
            throw new BusinessException("error.charter.sectionExists", kind.name());
        }
        CharterSection section = new CharterSection(this, kind, visibility, kind.ordinal());
        sections.add(section);
        sections.sort(java.util.Comparator.comparingInt(CharterSection::getPosition));
        return section;
    }

    public void removeSection(CharterSection section) {
        requireDraft();
        sections.remove(section);
    }

    public Optional<CharterSection> section(SectionKind kind) {
        return sections.stream().filter(s -> s.getKind() == kind).findFirst();
    }

    public void describeChange(String summary) {
        requireDraft();
        String tidy = summary == null || summary.isBlank() ? null : summary.strip();
        if (tidy != null && tidy.length() > SUMMARY_LENGTH) {
            throw new BusinessException("error.tooLong", "changeSummary", SUMMARY_LENGTH);
        }
        this.changeSummary = tidy;
    }

    /** Marks an edit: the optimistic lock moves on, so a concurrent edit of the same draft is refused. */
    public void touch(OffsetDateTime now) {
        requireDraft();
        this.editedAt = now;
    }

    public void freeze(OffsetDateTime now) {
        requireDraft();
        this.status = VersionStatus.FROZEN;
        this.frozenAt = now;
    }

    /** Training on this version starts: its content was frozen before and stays so. */
    public void startRollout() {
        if (status != VersionStatus.FROZEN) {
            throw new BusinessException("error.charter.notFrozen", number);
        }
        this.status = VersionStatus.ROLLOUT;
    }

    /**
     * The version comes into force on {@code effective}. Whether everyone is trained is the rollout gate's
     * question, asked before this is called; the previous version in force must be {@link #supersede}d.
     */
    public void publish(LocalDate effective, OffsetDateTime now) {
        if (status != VersionStatus.ROLLOUT) {
            throw new BusinessException("error.charter.notInRollout", number);
        }
        this.status = VersionStatus.PUBLISHED;
        this.effectiveDate = java.util.Objects.requireNonNull(effective);
        this.publishedAt = now;
    }

    public void supersede() {
        if (status != VersionStatus.PUBLISHED) {
            throw new BusinessException("error.charter.notInForce", number);
        }
        this.status = VersionStatus.SUPERSEDED;
    }

    public void requireDraft() {
        if (status != VersionStatus.DRAFT) {
            throw new BusinessException("error.charter.notDraft", number);
        }
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    public int getNumber() {
        return number;
    }

    public VersionStatus getStatus() {
        return status;
    }

    public Language getSourceLanguage() {
        return Language.fromTag(sourceLocale).orElse(Language.EN);
    }

    public String getChangeSummary() {
        return changeSummary;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getEditedAt() {
        return editedAt;
    }

    public OffsetDateTime getFrozenAt() {
        return frozenAt;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }

    public List<CharterSection> getSections() {
        return Collections.unmodifiableList(sections);
    }
}
