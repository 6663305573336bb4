package org.charter.service.publication;

import java.util.List;
import org.charter.model.franchise.Language;

/** A franchise as the public side knows it: found by its address name, active. */
public record PublicFranchise(
        String id, String name, String slug, Language defaultLanguage, List<Language> languages, String timeZone) {

    /** The first of {@code wanted} the franchise writes in, else its default language. */
    public Language language(List<Language> wanted) {
        return wanted.stream().filter(languages::contains).findFirst().orElse(defaultLanguage);
    }
}
