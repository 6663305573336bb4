package org.charter.service.publication;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.charter.model.franchise.Language;

/**
 * What the public side needs to know about a franchise before reading its charter: its languages and the days
 * on which a version came into force. Any day a reader asks for maps to one of those days (or to "none yet"), so
 * all the days of one version share one page.
 *
 * @param changes the effective dates of every version that was ever in force, earliest first, each once
 */
public record PublicTimeline(
        String slug, List<Language> languages, Language defaultLanguage, String timeZone, List<LocalDate> changes)
        implements Serializable {

    public PublicTimeline {
        languages = List.copyOf(languages);
        changes = changes.stream().distinct().sorted().toList();
    }

    /** The first of {@code wanted} the franchise writes, else its default language. */
    public Language language(List<Language> wanted) {
        return wanted.stream().filter(languages::contains).findFirst().orElse(defaultLanguage);
    }

    /** Today on the franchise's clock. */
    public LocalDate today() {
        return LocalDate.now(ZoneId.of(timeZone));
    }

    /**
     * The effective date of the version in force on {@code day} (today when null); empty when no version was in
     * force yet.
     */
    public Optional<LocalDate> clamp(LocalDate day) {
        LocalDate asked = day == null ? today() : day;
        LocalDate found = null;
        for (LocalDate change : changes) {
            if (change.isAfter(asked)) {
                break;
            }
            found = change;
        }
        return Optional.ofNullable(found);
    }
}
