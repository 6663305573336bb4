package org.charter.service.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgArraysTest {

    @Test
    void everyElementIsQuotedAndNullStaysNull() {
        assertEquals("{}", PgArrays.literal(List.of()));
        assertEquals(
                "{\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\",NULL,\"NULL\",\"2026-12-03\"}",
                PgArrays.literal(Arrays.asList(
                        "a,b", "say \"hi\"", "back\\slash", null, "NULL", java.time.LocalDate.of(2026, 12, 3))));
    }
}
