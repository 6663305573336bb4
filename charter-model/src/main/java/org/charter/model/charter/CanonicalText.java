package org.charter.model.charter;

import org.charter.model.franchise.Language;

/**
 * The one text form of a version in a language, from which its SHA-256 is taken: sections in order with their
 * kind, visibility, title and (already sanitised) body, then each standard's channel, target and promise.
 * Line endings are \n and nothing depends on the clock or the server, so rendering the same version again
 * always gives the same hash.
 */
public final class CanonicalText {

    private CanonicalText() {}

    public static String of(CharterVersion version, Language language) {
        StringBuilder text = new StringBuilder();
        text.append("charter-version ")
                .append(version.getNumber())
                .append(' ')
                .append(language.tag())
                .append('\n');
        for (CharterSection section : version.getSections()) {
            SectionText content = section.text(language).orElseThrow();
            text.append("\n## ")
                    .append(section.getKind())
                    .append(' ')
                    .append(section.getVisibility())
                    .append('\n');
            text.append(oneLine(content.getTitle())).append('\n');
            text.append(content.getBody().replace("\r\n", "\n")).append('\n');
            for (ServiceStandard standard : section.getStandards()) {
                text.append("- ")
                        .append(standard.getChannel())
                        .append(' ')
                        .append(standard.getTargetValue())
                        .append(' ')
                        .append(standard.getTargetUnit())
                        .append(": ")
                        .append(oneLine(standard.text(language).orElseThrow().getPromise()))
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static String oneLine(String value) {
        return value.replaceAll("\\s+", " ").strip();
    }
}
