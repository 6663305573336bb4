package org.charter.web.charter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.charter.model.charter.CharterSection;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.SectionKind;
import org.charter.model.charter.ServiceStandard;
import org.charter.model.charter.TargetUnit;
import org.charter.model.charter.TranslationStatus;
import org.charter.model.charter.VersionRendering;
import org.charter.model.charter.Visibility;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.charter.service.charter.CharterService;
import org.charter.web.shell.Texts;

/**
 * {@code /hq/charter.xhtml}: the version history, and the draft being written, one language at a time. Every
 * save sends the lock version the page was built from, so a colleague's newer save is never overwritten.
 */
@Named
@ViewScoped
public class CharterBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CharterService charters;

    private List<CharterVersion> versions;
    private CharterVersion draft;
    private long lock;
    private List<Language> languages;
    private Language language;
    private Map<Language, TranslationStatus> status;
    private List<SectionEdit> sections = new ArrayList<>();
    private String changeSummary;
    private SectionKind sectionToAdd;
    private StandardEdit newStandard = new StandardEdit();

    public void load() {
        versions = charters.listVersions();
        languages = charters.languages();
        draft = charters.findDraft().orElse(null);
        if (draft == null) {
            sections = new ArrayList<>();
            return;
        }
        lock = draft.getVersion();
        if (language == null) {
            language = draft.getSourceLanguage();
        }
        changeSummary = draft.getChangeSummary();
        status = charters.translationStatus(draft.getId());
        sections = new ArrayList<>();
        for (CharterSection section : draft.getSections()) {
            sections.add(new SectionEdit(section, language, draft.getSourceLanguage()));
        }
    }

    public void startDraft() {
        charters.startDraft();
        Texts.info("charter.draftStarted");
        language = null;
        load();
    }

    public void switchLanguage() {
        load();
    }

    public void saveSection(SectionEdit edit) {
        CharterVersion saved = charters.saveSection(
                edit.getId(), lock, language, edit.getTitle(), edit.getBody(), edit.getVisibility());
        lock = saved.getVersion();
        Texts.info("charter.sectionSaved", Texts.text("section." + edit.getKind()));
        load();
    }

    public void removeSection(SectionEdit edit) {
        lock = charters.removeSection(edit.getId(), lock).getVersion();
        load();
    }

    public void addSection() {
        if (sectionToAdd != null) {
            lock = charters.addSection(draft.getId(), lock, sectionToAdd).getVersion();
            sectionToAdd = null;
            load();
        }
    }

    public void addStandard(SectionEdit edit) {
        lock = charters.addStandard(
                        edit.getId(),
                        lock,
                        newStandard.getChannel(),
                        newStandard.getValue(),
                        newStandard.getUnit(),
                        newStandard.getPromise())
                .getVersion();
        newStandard = new StandardEdit();
        load();
    }

    public void saveStandard(StandardEdit edit) {
        lock = charters.saveStandard(
                        edit.getId(),
                        lock,
                        edit.getChannel(),
                        edit.getValue(),
                        edit.getUnit(),
                        language,
                        edit.getPromise())
                .getVersion();
        Texts.info("saved");
        load();
    }

    public void removeStandard(StandardEdit edit) {
        lock = charters.removeStandard(edit.getId(), lock).getVersion();
        load();
    }

    public void saveSummary() {
        lock = charters.describeChange(draft.getId(), lock, changeSummary).getVersion();
        Texts.info("saved");
        load();
    }

    public void freeze() {
        CharterVersion frozen = charters.freeze(draft.getId(), lock);
        Texts.info("charter.frozenMessage", frozen.getNumber());
        load();
    }

    public void discard() {
        charters.discardDraft(draft.getId(), lock);
        Texts.info("charter.discarded");
        load();
    }

    /** The franchise's address name, for the link to its public page. */
    public String getSlug() {
        return charters.slug();
    }

    public List<VersionRendering> renderings(CharterVersion version) {
        return charters.renderings(version.getId());
    }

    public List<SectionKind> getMissingKinds() {
        return Arrays.stream(SectionKind.values())
                .filter(kind -> sections.stream().noneMatch(s -> s.getKind() == kind))
                .toList();
    }

    public boolean isSourceLanguage() {
        return draft != null && language == draft.getSourceLanguage();
    }

    public String statusOf(Language option) {
        return status == null ? "" : status.get(option).name();
    }

    public ChannelKind[] getChannels() {
        return ChannelKind.values();
    }

    public TargetUnit[] getUnits() {
        return TargetUnit.values();
    }

    public Visibility[] getVisibilities() {
        return Visibility.values();
    }

    public List<CharterVersion> getVersions() {
        return versions;
    }

    public CharterVersion getDraft() {
        return draft;
    }

    public List<Language> getLanguages() {
        return languages;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public List<SectionEdit> getSections() {
        return sections;
    }

    public String getChangeSummary() {
        return changeSummary;
    }

    public void setChangeSummary(String changeSummary) {
        this.changeSummary = changeSummary;
    }

    public SectionKind getSectionToAdd() {
        return sectionToAdd;
    }

    public void setSectionToAdd(SectionKind sectionToAdd) {
        this.sectionToAdd = sectionToAdd;
    }

    public StandardEdit getNewStandard() {
        return newStandard;
    }

    /** A section as the editor shows it in the chosen language, with the source text beside a translation. */
    public static class SectionEdit implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String id;
        private final SectionKind kind;
        private final String sourceTitle;
        private final String sourceBody;
        private final TranslationStatus status;
        private final List<StandardEdit> standards = new ArrayList<>();
        private String title;
        private String body;
        private Visibility visibility;

        SectionEdit(CharterSection section, Language language, Language source) {
            this.id = section.getId();
            this.kind = section.getKind();
            this.visibility = section.getVisibility();
            this.title = section.text(language).map(t -> t.getTitle()).orElse("");
            this.body = section.text(language).map(t -> t.getBody()).orElse("");
            this.sourceTitle = language == source
                    ? null
                    : section.text(source).map(t -> t.getTitle()).orElse("");
            this.sourceBody = language == source
                    ? null
                    : section.text(source).map(t -> t.getBody()).orElse("");
            this.status = TranslationStatus.ofSection(section, language);
            for (ServiceStandard standard : section.getStandards()) {
                standards.add(new StandardEdit(standard, language, source));
            }
        }

        public boolean isStandardsSection() {
            return kind.takesStandards();
        }

        public String getId() {
            return id;
        }

        public SectionKind getKind() {
            return kind;
        }

        public String getSourceTitle() {
            return sourceTitle;
        }

        public String getSourceBody() {
            return sourceBody;
        }

        public TranslationStatus getStatus() {
            return status;
        }

        public List<StandardEdit> getStandards() {
            return standards;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }

        public Visibility getVisibility() {
            return visibility;
        }

        public void setVisibility(Visibility visibility) {
            this.visibility = visibility;
        }
    }

    /** A service standard's target and its promise in the chosen language. */
    public static class StandardEdit implements Serializable {

        private static final long serialVersionUID = 1L;

        private String id;
        private ChannelKind channel = ChannelKind.EMAIL;
        private int value = 24;
        private TargetUnit unit = TargetUnit.HOURS;
        private String promise;
        private String sourcePromise;

        StandardEdit() {}

        StandardEdit(ServiceStandard standard, Language language, Language source) {
            this.id = standard.getId();
            this.channel = standard.getChannel();
            this.value = standard.getTargetValue();
            this.unit = standard.getTargetUnit();
            this.promise = standard.text(language).map(t -> t.getPromise()).orElse("");
            this.sourcePromise = language == source
                    ? null
                    : standard.text(source).map(t -> t.getPromise()).orElse("");
        }

        public String getId() {
            return id;
        }

        public ChannelKind getChannel() {
            return channel;
        }

        public void setChannel(ChannelKind channel) {
            this.channel = channel;
        }

        public int getValue() {
            return value;
        }

        public void setValue(int value) {
            this.value = value;
        }

        public TargetUnit getUnit() {
            return unit;
        }

        public void setUnit(TargetUnit unit) {
            this.unit = unit;
        }

        public String getPromise() {
            return promise;
        }

        public void setPromise(String promise) {
            this.promise = promise;
        }

        public String getSourcePromise() {
            return sourcePromise;
        }
    }
}
