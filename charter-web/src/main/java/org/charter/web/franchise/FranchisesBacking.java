package org.charter.web.franchise;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.charter.model.common.Lengths;
import org.charter.model.franchise.Franchise;
import org.charter.model.franchise.Language;
import org.charter.service.franchise.FranchiseService;
import org.charter.service.franchise.NewFranchise;
import org.charter.service.people.Issued;
import org.charter.web.shell.Texts;

/** {@code /platform/franchises.xhtml}: the platform administrator onboards and suspends franchises. */
@Named
@ViewScoped
public class FranchisesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FranchiseService franchises;

    private List<Franchise> list;

    @NotBlank
    @Size(max = Lengths.NAME)
    private String name;

    @NotBlank
    @Size(max = Lengths.SLUG)
    private String slug;

    @NotNull
    private Language defaultLanguage = Language.EN;

    private Set<Language> languages = EnumSet.of(Language.EN);

    @NotBlank
    private String timeZone = "Europe/Berlin";

    @NotBlank
    @Size(max = Lengths.NAME)
    private String adminFullName;

    @NotBlank
    @Size(max = Lengths.USERNAME)
    private String adminUsername;

    private Issued issued;

    public void load() {
        list = franchises.listFranchises();
    }

    public void onboard() {
        issued = franchises.onboard(
                new NewFranchise(name, slug, defaultLanguage, languages, timeZone, adminFullName, adminUsername));
        Texts.info("franchise.onboarded", name);
        name = slug = adminFullName = adminUsername = null;
        load();
    }

    public void suspend(Franchise franchise) {
        franchises.suspend(franchise.getId());
        Texts.info("franchise.suspended", franchise.getName());
        load();
    }

    public void reactivate(Franchise franchise) {
        franchises.reactivate(franchise.getId());
        Texts.info("franchise.reactivated", franchise.getName());
        load();
    }

    public Language[] getAllLanguages() {
        return Language.values();
    }

    public List<Franchise> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public Language getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(Language defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /** Language tags: a many-select cannot tell the element type of a list, so it submits strings. */
    public List<String> getLanguages() {
        return languages.stream().map(Language::tag).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    public void setLanguages(List<String> tags) {
        this.languages = EnumSet.noneOf(Language.class);
        if (tags != null) {
            tags.stream()
                    .map(Language::fromTag)
                    .flatMap(java.util.Optional::stream)
                    .forEach(languages::add);
        }
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getAdminFullName() {
        return adminFullName;
    }

    public void setAdminFullName(String adminFullName) {
        this.adminFullName = adminFullName;
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public Issued getIssued() {
        return issued;
    }
}
