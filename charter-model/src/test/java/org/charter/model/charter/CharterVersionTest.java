package org.charter.model.charter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.charter.model.common.BusinessException;
import org.charter.model.franchise.Language;
import org.charter.model.store.ChannelKind;
import org.junit.jupiter.api.Test;

class CharterVersionTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);

    private static CharterVersion draftWithOneSection() {
        CharterVersion version = new CharterVersion(1, Language.EN, NOW);
        CharterSection standards = version.addSection(SectionKind.SERVICE_STANDARDS, Visibility.PUBLIC);
        standards.write(Language.EN, "Our standards", "<p>We answer quickly.</p>", null);
        standards.addStandard(ChannelKind.EMAIL, 24, TargetUnit.HOURS).promise(Language.EN, "Reply to e-mail", null);
        return version;
    }

    @Test
    void aLanguageIsMissingUntilEveryPartIsWritten() {
        CharterVersion version = draftWithOneSection();
        CharterSection section = version.section(SectionKind.SERVICE_STANDARDS).orElseThrow();
        assertEquals(TranslationStatus.COMPLETE, TranslationStatus.of(version, Language.EN));
        assertEquals(TranslationStatus.MISSING, TranslationStatus.of(version, Language.DE));
        section.write(
                Language.DE,
                "Unsere Standards",
                "<p>Wir antworten schnell.</p>",
                section.sourceHash().orElseThrow());
        assertEquals(
                TranslationStatus.MISSING,
                TranslationStatus.of(version, Language.DE),
                "the promise is not yet translated");
        ServiceStandard standard = section.getStandards().get(0);
        standard.promise(
                Language.DE, "Antwort auf E-Mails", standard.sourceHash().orElseThrow());
        assertEquals(TranslationStatus.COMPLETE, TranslationStatus.of(version, Language.DE));
    }

    @Test
    void aTranslationIsOutdatedOnceItsSourceChanges() {
        CharterVersion version = draftWithOneSection();
        CharterSection section = version.section(SectionKind.SERVICE_STANDARDS).orElseThrow();
        ServiceStandard standard = section.getStandards().get(0);
        section.write(
                Language.LV,
                "Mūsu standarti",
                "<p>Mēs atbildam ātri.</p>",
                section.sourceHash().orElseThrow());
        standard.promise(
                Language.LV, "Atbilde uz e-pastu", standard.sourceHash().orElseThrow());
        assertEquals(TranslationStatus.COMPLETE, TranslationStatus.of(version, Language.LV));
        section.write(Language.EN, "Our standards", "<p>We answer within a day.</p>", null);
        assertEquals(TranslationStatus.OUTDATED, TranslationStatus.of(version, Language.LV));
    }

    @Test
    void aFrozenVersionRefusesEveryChange() {
        CharterVersion version = draftWithOneSection();
        version.freeze(NOW);
        CharterSection section = version.section(SectionKind.SERVICE_STANDARDS).orElseThrow();
        assertThrows(BusinessException.class, () -> section.write(Language.EN, "x", "<p>y</p>", null));
        assertThrows(BusinessException.class, () -> version.addSection(SectionKind.PRIVACY, Visibility.PUBLIC));
        assertThrows(BusinessException.class, () -> version.describeChange("late"));
        assertThrows(
                BusinessException.class,
                () -> section.getStandards().get(0).retarget(ChannelKind.PHONE, 1, TargetUnit.DAYS));
        assertThrows(BusinessException.class, () -> version.freeze(NOW));
    }

    @Test
    void theCanonicalTextIsStableAndCoversEveryPart() {
        CharterVersion version = draftWithOneSection();
        String first = CanonicalText.of(version, Language.EN);
        assertEquals(first, CanonicalText.of(version, Language.EN));
        assertEquals(Hashes.sha256(first), new VersionRendering(version, Language.EN, first).getSha256());
        version.section(SectionKind.SERVICE_STANDARDS)
                .orElseThrow()
                .getStandards()
                .get(0)
                .retarget(ChannelKind.EMAIL, 12, TargetUnit.HOURS);
        assertNotEquals(first, CanonicalText.of(version, Language.EN), "a changed target changes the text");
    }

    @Test
    void targetsAreMeasurable() {
        CharterVersion version = draftWithOneSection();
        ServiceStandard standard = version.getSections().get(0).getStandards().get(0);
        assertEquals(Duration.ofHours(24), standard.target());
        assertThrows(BusinessException.class, () -> standard.retarget(ChannelKind.EMAIL, 0, TargetUnit.HOURS));
        CharterSection overview = version.addSection(SectionKind.OVERVIEW, Visibility.PUBLIC);
        assertThrows(BusinessException.class, () -> overview.addStandard(ChannelKind.PHONE, 1, TargetUnit.MINUTES));
        assertEquals(SectionKind.OVERVIEW, version.getSections().get(0).getKind(), "sections keep the charter's order");
    }
}
