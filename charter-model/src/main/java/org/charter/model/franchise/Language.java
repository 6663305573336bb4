package org.charter.model.franchise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the product speaks, for its own screens and for charters. */
public enum Language {
    EN("en"),
    DE("de"),
    EL("el"),
    LV("lv"),
    MS("ms");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(l -> l.tag.equals(language)).findFirst();
    }

    public static List<String> tags() {
        return Arrays.stream(values()).map(Language::tag).toList();
    }
}
