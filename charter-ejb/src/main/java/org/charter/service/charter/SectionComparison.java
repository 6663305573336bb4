package org.charter.service.charter;

import java.io.Serializable;
import java.util.List;
import org.charter.model.charter.SectionKind;

/**
 * One section of two versions side by side. Each line is HTML-escaped text in which {@code <del>} marks what the
 * older version had and {@code <ins>} what the newer one has instead; {@code changed} says whether anything
 * differs at all.
 */
public record SectionComparison(SectionKind kind, boolean changed, List<Line> lines) implements Serializable {

    /** A line of the older and of the newer version. */
    public record Line(String older, String newer, boolean changed) implements Serializable {}
}
