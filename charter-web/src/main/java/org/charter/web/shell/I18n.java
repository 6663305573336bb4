package org.charter.web.shell;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.charter.model.franchise.Language;

/** The language of the screens for this visitor: their browser's first, then their own choice or profile. */
@Named("i18n")
@SessionScoped
public class I18n implements Serializable {

    private static final long serialVersionUID = 1L;

    private Language language;

    public Locale getLocale() {
        if (language == null) {
            language = fromBrowser();
        }
        return language.locale();
    }

    public String getTag() {
        getLocale();
        return language.tag();
    }

    public List<Language> getLanguages() {
        return List.of(Language.values());
    }

    /** The language's own name for itself, as the switcher shows it. */
    public String nameOf(Language option) {
        String name = option.locale().getDisplayLanguage(option.locale());
        return name.substring(0, 1).toUpperCase(option.locale()) + name.substring(1);
    }

    public void use(Language chosen) {
        this.language = chosen;
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getViewRoot() != null) {
            context.getViewRoot().setLocale(chosen.locale());
        }
    }

    /** The switcher's action: same page, new language. */
    public String switchTo(String tag) {
        Language.fromTag(tag).ifPresent(this::use);
        FacesContext context = FacesContext.getCurrentInstance();
        return context.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    private static Language fromBrowser() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null) {
            var locales = context.getExternalContext().getRequestLocales();
            while (locales.hasNext()) {
                var match = Language.fromTag(locales.next().toLanguageTag());
                if (match.isPresent()) {
                    return match.get();
                }
            }
        }
        return Language.EN;
    }
}
