package org.charter.service.training;

import java.io.Serializable;
import java.util.List;
import org.charter.model.franchise.Language;

/** A version as the person signing it reads it: every section, internal ones included, in one language. */
public record Reading(String versionId, int number, Language language, String sha256, List<Part> parts)
        implements Serializable {

    /** A section: its title, its sanitised body, and its measurable promises. */
    public record Part(String kind, String title, String body, List<String> promises) implements Serializable {}
}
