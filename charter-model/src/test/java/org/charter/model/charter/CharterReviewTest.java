package org.charter.model.charter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.charter.model.common.BusinessException;
import org.charter.model.franchise.Language;
import org.junit.jupiter.api.Test;

class CharterReviewTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2027, 1, 15, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void onlyTheVersionInForceIsReviewedAndTheNoteIsKeptTrimmed() {
        CharterVersion version = new CharterVersion(1, Language.EN, NOW);
        assertEquals(
                "error.review.notInForce",
                assertThrows(BusinessException.class, () -> CharterReview.noChange(version, NOW, "hq", "Fine."))
                        .getMessageKey());
        version.freeze(NOW);
        version.startRollout();
        version.publish(NOW.toLocalDate(), NOW);
        CharterReview review = CharterReview.noChange(version, NOW, "hq", "  Every promise holds.\n");
        assertEquals("Every promise holds.", review.getNote());
        assertEquals(CharterReview.Outcome.NO_CHANGE, review.getOutcome());
        assertNull(review.getDraftVersionId());
        assertEquals(version.getId(), review.getVersionId());
    }

    @Test
    void aNoteIsRequiredAndBounded() {
        assertEquals(
                "error.review.noteRequired",
                assertThrows(BusinessException.class, () -> CharterReview.validNote(" \t "))
                        .getMessageKey());
        assertEquals(
                "error.review.noteRequired",
                assertThrows(BusinessException.class, () -> CharterReview.validNote(null))
                        .getMessageKey());
        assertEquals(2000, CharterReview.validNote("x".repeat(2000)).length());
        assertEquals(
                "error.review.noteTooLong",
                assertThrows(BusinessException.class, () -> CharterReview.validNote("x".repeat(2001)))
                        .getMessageKey());
    }

    @Test
    void aNewDraftReviewNamesItsDraft() {
        CharterVersion inForce = new CharterVersion(1, Language.EN, NOW);
        inForce.freeze(NOW);
        inForce.startRollout();
        inForce.publish(NOW.toLocalDate(), NOW);
        CharterVersion draft = new CharterVersion(2, Language.EN, NOW);
        CharterReview review = CharterReview.newDraft(inForce, draft, NOW, "hq", "Phone hours change.");
        assertEquals(CharterReview.Outcome.NEW_DRAFT, review.getOutcome());
        assertEquals(draft.getId(), review.getDraftVersionId());
    }
}
