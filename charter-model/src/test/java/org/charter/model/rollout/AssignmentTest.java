package org.charter.model.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 9, 0, 0, 0, ZoneOffset.UTC);

    private static Assignment open() {
        return Assignment.assign("version", "person", "store", DUE);
    }

    @Test
    void anExcuseMovesTheDueDateAndTakingItBackOpensItAgain() {
        Assignment assignment = open();
        assertTrue(assignment.isOpen());
        assignment.excuse(" parental leave ", LocalDate.of(2027, 3, 1), "manager", LocalDate.of(2027, 3, 15));
        assertEquals(AssignmentStatus.EXCUSED, assignment.getStatus());
        assertEquals("parental leave", assignment.getExcusedReason());
        assertEquals(LocalDate.of(2027, 3, 15), assignment.getDueDate());
        assertFalse(assignment.isOpen());
        assignment.withdrawExcuse(DUE);
        assertTrue(assignment.isOpen());
        assertNull(assignment.getExcusedReason());
        assertNull(assignment.getExcusedUntil());
        assertEquals(DUE, assignment.getDueDate());
    }

    @Test
    void onlyAnOpenAssignmentIsExcusedAndAnExcuseNeedsItsFacts() {
        Assignment assignment = open();
        assertThrows(IllegalArgumentException.class, () -> assignment.excuse(" ", DUE, "manager", DUE));
        assertThrows(
                IllegalArgumentException.class,
                () -> assignment.excuse("leave", DUE, "manager", DUE.minusDays(1)),
                "due before the return");
        assertTrue(assignment.isOpen(), "a refused excuse changes nothing");
        assignment.excuse("leave", DUE, "manager", DUE.plusDays(14));
        assertThrows(IllegalStateException.class, () -> assignment.excuse("again", DUE, "manager", DUE));
        assertThrows(IllegalStateException.class, () -> open().withdrawExcuse(DUE), "no excuse to take back");
    }

    @Test
    void aCompletionIsFinal() {
        Assignment excused = open();
        excused.excuse("leave", DUE, "manager", DUE);
        excused.complete(NOW);
        assertEquals(AssignmentStatus.COMPLETED, excused.getStatus());
        assertEquals(NOW, excused.getCompletedAt());
        assertThrows(IllegalStateException.class, () -> excused.complete(NOW));
        assertThrows(IllegalStateException.class, excused::withdraw);
        assertThrows(IllegalStateException.class, () -> excused.withdrawExcuse(DUE));
        assertEquals(AssignmentStatus.COMPLETED, excused.getStatus());
    }

    @Test
    void aLeaverStopsCountingAndARehireStartsAfresh() {
        Assignment assignment = open();
        assignment.excuse("leave", DUE, "manager", DUE);
        assignment.withdraw();
        assertEquals(AssignmentStatus.WITHDRAWN, assignment.getStatus());
        assertThrows(IllegalStateException.class, () -> assignment.complete(NOW), "a leaver does not sign");
        assignment.reopen("other store", DUE.plusDays(30));
        assertTrue(assignment.isOpen());
        assertEquals("other store", assignment.getStoreId());
        assertNull(assignment.getExcusedReason(), "the old excuse is forgotten");
        assertThrows(IllegalStateException.class, () -> open().reopen("store", DUE), "only a withdrawn one reopens");
    }
}
