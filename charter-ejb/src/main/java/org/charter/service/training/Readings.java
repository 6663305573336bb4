package org.charter.service.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.charter.model.charter.CharterVersion;
import org.charter.model.charter.VersionRendering;
import org.charter.model.charter.VersionStatus;
import org.charter.model.franchise.Language;

/**
 * A version's text as the people trained on it read it, page by page, in their language or else the version's
 * source language. Runs in the caller's transaction, already bound to the franchise; the callers decide who may
 * read which version.
 */
@ApplicationScoped
public class Readings {

    /** Readings of frozen versions, by version id and language asked for; the least recently read go first. */
    private final Map<String, Reading> frozen = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reading> eldest) {
            return size() > 200;
        }
    });

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    /** A frozen version's reading read before, if it is still kept; only for a caller that may read it. */
    public Optional<Reading> known(String versionId, Language wanted) {
        return Optional.ofNullable(frozen.get(versionId + '|' + wanted.tag()));
    }

    /**
     * A frozen version's pages in {@code wanted} when written in it, else in its source language. Frozen text
     * never changes, so it is read once per version and language and then shared by everyone who reads it
     * (the key is the version's id, which the caller has already found through the tenant's own rows).
     */
    public Reading of(CharterVersion version, Language wanted) {
        String key = version.getId() + '|' + wanted.tag();
        Reading known = frozen.get(key);
        if (known != null) {
            return known;
        }
        Reading read = render(version, wanted);
        if (version.getStatus() != VersionStatus.DRAFT) {
            frozen.put(key, read);
        }
        return read;
    }

    private Reading render(CharterVersion version, Language wanted) {
        VersionRendering shown = rendering(version, wanted);
        Language language = shown.getLanguage();
        List<Reading.Part> parts = version.getSections().stream()
                .map(section -> new Reading.Part(
                        section.getKind().name(),
                        section.text(language).orElseThrow().getTitle(),
                        section.text(language).orElseThrow().getBody(),
                        section.getStandards().stream()
                                .map(standard -> standard.text(language)
                                        .map(t -> t.getPromise())
                                        .orElse(""))
                                .toList()))
                .toList();
        return new Reading(version.getId(), version.getNumber(), language, shown.getSha256(), parts);
    }

    /** The rendering shown for {@code wanted}: that language when the version is written in it, else its source. */
    public VersionRendering rendering(CharterVersion version, Language wanted) {
        List<VersionRendering> renderings = em.createQuery(
                        "select r from VersionRendering r where r.charterVersion = :version", VersionRendering.class)
                .setParameter("version", version)
                .getResultList();
        return renderings.stream()
                .filter(r -> r.getLanguage() == wanted)
                .findFirst()
                .orElseGet(() -> renderings.stream()
                        .filter(r -> r.getLanguage() == version.getSourceLanguage())
                        .findFirst()
                        .orElseThrow());
    }
}
