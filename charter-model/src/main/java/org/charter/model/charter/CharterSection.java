package org.charter.model.charter;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.charter.model.common.BusinessException;
import org.charter.model.common.TenantOwned;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;

/** One typed section of a charter version, with its text per language and, for standards, measurable targets. */
@Entity
@Table(name = "charter_section")
public class CharterSection extends TenantOwned {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false)
    @JoinColumn(name = "version_id")
    private CharterVersion charterVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private SectionKind kind;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Visibility visibility;

    @OneToMany(mappedBy = "section", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<SectionText> texts = new ArrayList<>();

    @OneToMany(mappedBy = "section", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ServiceStandard> standards = new ArrayList<>();

    protected CharterSection() {}

    CharterSection(CharterVersion charterVersion, SectionKind kind, Visibility visibility, int position) {
        this.charterVersion = charterVersion;
        this.kind = kind;
        this.visibility = visibility;
        this.position = position;
    }

    public Optional<SectionText> text(Language language) {
        return texts.stream().filter(t -> t.getLanguage() == language).findFirst();
    }

    /**
     * Writes the section in one language. {@code sourceHash} is the hash of the source-language text this one
     * was translated from (null for the source language itself): a later change of the source makes it outdated.
     */
    public SectionText write(Language language, String title, String sanitisedBody, String sourceHash) {
        charterVersion.requireDraft();
        Optional<SectionText> existing = text(language);
        if (existing.isPresent()) {
            existing.get().change(title, sanitisedBody, sourceHash);
            return existing.get();
        }
        SectionText text = new SectionText(this, language, title, sanitisedBody, sourceHash);
        texts.add(text);
        return text;
    }

    public void show(Visibility newVisibility) {
        charterVersion.requireDraft();
        this.visibility = newVisibility;
    }

    public ServiceStandard addStandard(ChannelKind channel, int targetValue, TargetUnit unit) {
        charterVersion.requireDraft();
        if (!kind.takesStandards()) {
            throw new BusinessException("error.charter.standardsOnly");
        }
        ServiceStandard standard = new ServiceStandard(this, channel, targetValue, unit, standards.size());
        standards.add(standard);
        return standard;
    }

    public void removeStandard(ServiceStandard standard) {
        charterVersion.requireDraft();
        standards.remove(standard);
    }

    /** The hash a translation of this section records: the source-language title and body. */
    public Optional<String> sourceHash() {
        return text(charterVersion.getSourceLanguage()).map(SectionText::contentHash);
    }

    public CharterVersion getCharterVersion() {
        return charterVersion;
    }

    public SectionKind getKind() {
        return kind;
    }

    public int getPosition() {
        return position;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public List<SectionText> getTexts() {
        return Collections.unmodifiableList(texts);
    }

    public List<ServiceStandard> getStandards() {
        return Collections.unmodifiableList(standards);
    }
}
