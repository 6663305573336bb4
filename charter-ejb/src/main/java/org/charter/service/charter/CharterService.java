package org.charter.service.charter;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.charter.model.charter.CanonicalText;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.SectionText;
import org.charter.model.charter.ServiceStandard;
import org.charter.model.charter.StandardText;
import org.charter.model.charter.TargetUnit;
import org.charter.model.charter.TranslationStatus;
import org.charter.model.charter.VersionRendering;
import org.charter.model.charter.VersionStatus;
import org.charter.model.charter.Visibility;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.Language;
import org.charter.model.people.Role;
import org.charter.model.store.ChannelKind;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.DatabaseClock;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/**
 * Headquarters writes the charter: one draft at a time, in every language of the franchise, edited under an
 * optimistic lock and frozen once every language is complete. Freezing stores the canonical text and its
 * SHA-256 per language; from then on the database refuses any change to that version's content.
 */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class CharterService {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    DatabaseClock clock;

    @Inject
    AuditTrail audit;

    public List<CharterVersion> listVersions() {
        return em.createQuery("select v from CharterVersion v order by v.number desc", CharterVersion.class)
                .getResultList();
    }

    /** A version with everything it contains loaded, ready to show. */
    public CharterVersion getVersion(String versionId) {
        CharterVersion version = Ids.isWellFormed(versionId) ? em.find(CharterVersion.class, versionId) : null;
        if (version == null) {
            throw new NotFoundException("charterVersion", versionId);
        }
        for (CharterSection section : version.getSections()) {
            section.getTexts().size();
            section.getStandards().forEach(s -> s.getTexts().size());
        }
        return version;
    }

    public Optional<CharterVersion> findDraft() {
        return em.createQuery("select v.id from CharterVersion v where v.status = :draft", String.class)
                .setParameter("draft", VersionStatus.DRAFT)
                .getResultStream()
                .findFirst()
                .map(this::getVersion);
    }

    /** The franchise's address name: its public pages are at /c/{slug}. */
    public String slug() {
        return franchise().getSlug();
    }

    /** The languages the franchise's charter must be written in, its default first. */
    public List<Language> languages() {
        return franchise().getSupportedLanguages();
    }

    /**
     * Starts the next draft: a copy of the latest version, or every section empty when there is none yet.
     * There is only ever one draft.
     */
    public CharterVersion startDraft() {
        if (findDraft().isPresent()) {
            throw new BusinessException("error.charter.draftExists");
        }
        List<CharterVersion> versions = listVersions();
        Franchise franchise = franchise();
        int number = versions.isEmpty() ? 1 : versions.get(0).getNumber() + 1;
        CharterVersion draft;
        if (versions.isEmpty()) {
            draft = new CharterVersion(number, franchise.getDefaultLanguage(), clock.now());
            for (SectionKind kind : SectionKind.values()) {
                draft.addSection(kind, kind.defaultVisibility());
            }
        } else {
            CharterVersion latest = getVersion(versions.get(0).getId());
            draft = new CharterVersion(number, latest.getSourceLanguage(), clock.now());
            copy(latest, draft);
        }
        em.persist(draft);
        audit.record("charter.draftStarted", "charterVersion", draft.getId(), "v" + number);
        return draft;
    }

    /** Writes a section in one language, and its visibility. Translations record the source they follow. */
    public CharterVersion saveSection(
            String sectionId, long loadedVersion, Language language, String title, String body, Visibility visibility) {
        CharterSection section = find(CharterSection.class, sectionId, "charterSection");
        CharterVersion draft = editable(section.getCharterVersion(), loadedVersion);
        requireLanguage(language);
        String sourceHash = language == draft.getSourceLanguage()
                ? null
                : section.sourceHash().orElseThrow(() -> new BusinessException("error.charter.sourceFirst"));
        section.write(language, title, RichText.sanitise(body), sourceHash);
        if (visibility != null) {
            section.show(visibility);
        }
        draft.touch(clock.now());
        audit.record(
                "charter.sectionSaved", "charterSection", section.getId(), section.getKind() + " " + language.tag());
        return draft;
    }

    public CharterVersion addSection(String versionId, long loadedVersion, SectionKind kind) {
        CharterVersion draft = editable(find(CharterVersion.class, versionId, "charterVersion"), loadedVersion);
        draft.addSection(kind, kind.defaultVisibility());
        draft.touch(clock.now());
        audit.record("charter.sectionAdded", "charterVersion", draft.getId(), kind.name());
        return draft;
    }

    public CharterVersion removeSection(String sectionId, long loadedVersion) {
        CharterSection section = find(CharterSection.class, sectionId, "charterSection");
        CharterVersion draft = editable(section.getCharterVersion(), loadedVersion);
        draft.removeSection(section);
        draft.touch(clock.now());
        audit.record(
                "charter.sectionRemoved",
                "charterVersion",
                draft.getId(),
                section.getKind().name());
        return draft;
    }

    /** Adds a measurable standard with its promise in the source language. */
    public CharterVersion addStandard(
            String sectionId, long loadedVersion, ChannelKind channel, int value, TargetUnit unit, String promise) {
        CharterSection section = find(CharterSection.class, sectionId, "charterSection");
        CharterVersion draft = editable(section.getCharterVersion(), loadedVersion);
        requireText(promise, "promise");
        section.addStandard(channel, value, unit).promise(draft.getSourceLanguage(), promise, null);
        draft.touch(clock.now());
        audit.record("charter.standardAdded", "charterSection", section.getId(), channel + " " + value + " " + unit);
        return draft;
    }

    /** Changes a standard's target, and its promise in one language. */
    public CharterVersion saveStandard(
            String standardId,
            long loadedVersion,
            ChannelKind channel,
            int value,
            TargetUnit unit,
            Language language,
            String promise) {
        ServiceStandard standard = find(ServiceStandard.class, standardId, "serviceStandard");
        CharterVersion draft = editable(standard.getSection().getCharterVersion(), loadedVersion);
        requireLanguage(language);
        standard.retarget(channel, value, unit);
        if (promise != null) {
            String sourceHash = language == draft.getSourceLanguage()
                    ? null
                    : standard.sourceHash().orElseThrow(() -> new BusinessException("error.charter.sourceFirst"));
            standard.promise(language, promise, sourceHash);
        }
        draft.touch(clock.now());
        audit.record("charter.standardSaved", "serviceStandard", standard.getId(), channel + " " + value + " " + unit);
        return draft;
    }

    public CharterVersion removeStandard(String standardId, long loadedVersion) {
        ServiceStandard standard = find(ServiceStandard.class, standardId, "serviceStandard");
        CharterVersion draft = editable(standard.getSection().getCharterVersion(), loadedVersion);
        standard.getSection().removeStandard(standard);
        draft.touch(clock.now());
        audit.record(
                "charter.standardRemoved",
                "serviceStandard",
                standard.getId(),
                standard.getChannel().name());
        return draft;
    }

    public CharterVersion describeChange(String versionId, long loadedVersion, String summary) {
        CharterVersion draft = editable(find(CharterVersion.class, versionId, "charterVersion"), loadedVersion);
        draft.describeChange(summary);
        draft.touch(clock.now());
        audit.record("charter.summarySaved", "charterVersion", draft.getId(), null);
        return draft;
    }

    /** How far each language of the franchise is, for the version. */
    public Map<Language, TranslationStatus> translationStatus(String versionId) {
        CharterVersion version = getVersion(versionId);
        Map<Language, TranslationStatus> status = new EnumMap<>(Language.class);
        for (Language language : languages()) {
            status.put(language, TranslationStatus.of(version, language));
        }
        return status;
    }

    /**
     * Freezes the draft: refused while a language is missing or outdated, or while the change summary is empty.
     * Stores each language's canonical text and SHA-256.
     */
    public CharterVersion freeze(String versionId, long loadedVersion) {
        CharterVersion draft = editable(getVersion(versionId), loadedVersion);
        if (draft.getChangeSummary() == null) {
            throw new BusinessException("error.charter.summaryMissing");
        }
        if (draft.getSections().isEmpty()) {
            throw new BusinessException("error.charter.empty");
        }
        List<String> missing = new ArrayList<>();
        List<String> outdated = new ArrayList<>();
        for (Map.Entry<Language, TranslationStatus> entry :
                translationStatus(versionId).entrySet()) {
            String tag = entry.getKey().tag().toUpperCase(java.util.Locale.ROOT);
            switch (entry.getValue()) {
                case MISSING -> missing.add(tag);
                case OUTDATED -> outdated.add(tag);
                default -> {}
            }
        }
        if (!missing.isEmpty() || !outdated.isEmpty()) {
            throw new BusinessException(
                    "error.charter.translationsIncomplete",
                    missing.isEmpty() ? "—" : String.join(", ", missing),
                    outdated.isEmpty() ? "—" : String.join(", ", outdated));
        }
        for (Language language : languages()) {
            em.persist(new VersionRendering(draft, language, CanonicalText.of(draft, language)));
        }
        draft.freeze(clock.now());
        audit.record("charter.frozen", "charterVersion", draft.getId(), "v" + draft.getNumber());
        return draft;
    }

    public void discardDraft(String versionId, long loadedVersion) {
        CharterVersion draft = editable(find(CharterVersion.class, versionId, "charterVersion"), loadedVersion);
        em.remove(draft);
        audit.record("charter.draftDiscarded", "charterVersion", draft.getId(), "v" + draft.getNumber());
    }

    public List<VersionRendering> renderings(String versionId) {
        return em.createQuery(
                        "select r from VersionRendering r where r.charterVersion.id = :version order by r.locale",
                        VersionRendering.class)
                .setParameter("version", versionId)
                .getResultList();
    }

    /**
     * Two versions side by side, section by section, in one language; missing sections count as empty.
     * {@code labels} names visibilities, channels and units in the reader's language (keys such as
     * {@code visibility.PUBLIC}, {@code channel.EMAIL}, {@code unit.HOURS}).
     */
    public List<SectionComparison> compare(
            String olderId, String newerId, Language language, java.util.function.UnaryOperator<String> labels) {
        CharterVersion older = getVersion(olderId);
        CharterVersion newer = getVersion(newerId);
        // the default line normaliser escapes HTML, so only the <del>/<ins> marks are markup
        DiffRowGenerator generator = DiffRowGenerator.create()
                .showInlineDiffs(true)
                .inlineDiffByWord(true)
                .oldTag(start -> start ? "<del>" : "</del>")
                .newTag(start -> start ? "<ins>" : "</ins>")
                .build();
        List<SectionComparison> sections = new ArrayList<>();
        for (SectionKind kind : SectionKind.values()) {
            List<String> before = lines(older, kind, language, labels);
            List<String> after = lines(newer, kind, language, labels);
            if (before.isEmpty() && after.isEmpty()) {
                continue;
            }
            List<SectionComparison.Line> lines = new ArrayList<>();
            boolean changed = false;
            for (DiffRow row : generator.generateDiffRows(before, after)) {
                boolean rowChanged = row.getTag() != DiffRow.Tag.EQUAL;
                changed |= rowChanged;
                lines.add(new SectionComparison.Line(row.getOldLine(), row.getNewLine(), rowChanged));
            }
            sections.add(new SectionComparison(kind, changed, lines));
        }
        return sections;
    }

    private static List<String> lines(
            CharterVersion version,
            SectionKind kind,
            Language language,
            java.util.function.UnaryOperator<String> labels) {
        Optional<CharterSection> section = version.section(kind);
        if (section.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        section.get().text(language).ifPresent(text -> {
            lines.add(text.getTitle());
            lines.addAll(Arrays.asList(RichText.plain(text.getBody()).split("\n")));
        });
        lines.add("[" + labels.apply("visibility." + section.get().getVisibility()) + "]");
        for (ServiceStandard standard : section.get().getStandards()) {
            lines.add(labels.apply("channel." + standard.getChannel()) + " · " + standard.getTargetValue() + " "
                    + labels.apply("unit." + standard.getTargetUnit()) + " · "
                    + standard.text(language).map(StandardText::getPromise).orElse(""));
        }
        return lines;
    }

    private static void copy(CharterVersion from, CharterVersion to) {
        for (CharterSection section : from.getSections()) {
            CharterSection copy = to.addSection(section.getKind(), section.getVisibility());
            for (SectionText text : section.getTexts()) {
                copy.write(text.getLanguage(), text.getTitle(), text.getBody(), text.getSourceHash());
            }
            for (ServiceStandard standard : section.getStandards()) {
                ServiceStandard standardCopy =
                        copy.addStandard(standard.getChannel(), standard.getTargetValue(), standard.getTargetUnit());
                for (StandardText text : standard.getTexts()) {
                    standardCopy.promise(text.getLanguage(), text.getPromise(), text.getSourceHash());
                }
            }
        }
    }

    private CharterVersion editable(CharterVersion version, long loadedVersion) {
        version.requireDraft();
        if (version.getVersion() != loadedVersion) {
            throw new BusinessException("error.concurrentChange");
        }
        return version;
    }

    private void requireLanguage(Language language) {
        if (language == null || !languages().contains(language)) {
            throw new BusinessException("error.charter.language", String.valueOf(language));
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BusinessException("error.required", field);
        }
    }

    private <T> T find(Class<T> type, String id, String what) {
        T found = Ids.isWellFormed(id) ? em.find(type, id) : null;
        if (found == null) {
            throw new NotFoundException(what, id);
        }
        return found;
    }

    private Franchise franchise() {
        return em.find(Franchise.class, callers.current().franchiseId());
    }
}
