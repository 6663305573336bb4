package org.charter.web.charter;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.charter.model.charter.CharterVersion;
import org.charter.model.franchise.Language;
import org.charter.service.charter.CharterService;
import org.charter.service.charter.SectionComparison;
import org.charter.web.shell.Texts;

/** {@code /hq/compare.xhtml?older=…&newer=…&lang=…}: two versions side by side, changes marked. */
@Named
@ViewScoped
public class CompareBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CharterService charters;

    private String older;
    private String newer;
    private String lang;
    private List<CharterVersion> versions;
    private List<Language> languages;
    private List<SectionComparison> sections = List.of();

    public void load() {
        versions = charters.listVersions();
        languages = charters.languages();
        if (lang == null || Language.fromTag(lang).isEmpty()) {
            lang = languages.get(0).tag();
        }
        if ((newer == null || newer.isBlank()) && !versions.isEmpty()) {
            newer = versions.get(0).getId();
        }
        if ((older == null || older.isBlank()) && versions.size() > 1) {
            older = versions.get(1).getId();
        }
        sections = older == null || newer == null || older.isBlank() || newer.isBlank()
                ? List.of()
                : charters.compare(older, newer, Language.fromTag(lang).orElseThrow(), key -> Texts.text(key));
    }

    public String show() {
        return "/hq/compare.xhtml?faces-redirect=true&older=" + older + "&newer=" + newer + "&lang=" + lang;
    }

    public String getOlder() {
        return older;
    }

    public void setOlder(String older) {
        this.older = older;
    }

    public String getNewer() {
        return newer;
    }

    public void setNewer(String newer) {
        this.newer = newer;
    }

    public String getLang() {
        return lang;
    }

    public void setLang(String lang) {
        this.lang = lang;
    }

    public List<CharterVersion> getVersions() {
        return versions;
    }

    public List<Language> getLanguages() {
        return languages;
    }

    public List<SectionComparison> getSections() {
        return sections;
    }
}
