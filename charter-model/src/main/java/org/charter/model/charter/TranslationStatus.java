package org.charter.model.charter;

import java.util.Optional;
import org.charter.model.franchise.Language;

/** How far a language of a version is: every part written and translated from the current source, or not. */
public enum TranslationStatus {
    COMPLETE,
    /** Written, but the source language changed since. */
    OUTDATED,
    MISSING;

    /** The status of one language across every section and standard of the version: the worst part counts. */
    public static TranslationStatus of(CharterVersion version, Language language) {
        TranslationStatus worst = COMPLETE;
        for (CharterSection section : version.getSections()) {
            worst = worse(worst, ofSection(section, language));
        }
        return worst;
    }

    public static TranslationStatus ofSection(CharterSection section, Language language) {
        Language source = section.getCharterVersion().getSourceLanguage();
        Optional<SectionText> text = section.text(language);
        TranslationStatus status;
        if (text.isEmpty() || text.get().isBlank()) {
            status = MISSING;
        } else if (language != source
                && !section.sourceHash().orElse("").equals(text.get().getSourceHash())) {
            status = OUTDATED;
        } else {
            status = COMPLETE;
        }
        for (ServiceStandard standard : section.getStandards()) {
            Optional<StandardText> promise = standard.text(language);
            if (promise.isEmpty() || promise.get().getPromise().isBlank()) {
                status = worse(status, MISSING);
            } else if (language != source
                    && !standard.sourceHash().orElse("").equals(promise.get().getSourceHash())) {
                status = worse(status, OUTDATED);
            }
        }
        return status;
    }

    private static TranslationStatus worse(TranslationStatus a, TranslationStatus b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
