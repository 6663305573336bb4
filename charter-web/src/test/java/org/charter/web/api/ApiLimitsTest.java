package org.charter.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ApiLimitsTest {

    @Test
    void aTokenGetsTwoSecondsOfCallsAtOnceThenIsToldToWait() {
        ApiLimits limits = new ApiLimits();
        limits.perSecond = 5;
        for (int i = 0; i < 10; i++) {
            assertTrue(limits.tryCall("api-token:chr_aaaaaaaa").isEmpty(), "call " + i);
        }
        OptionalLong wait = limits.tryCall("api-token:chr_aaaaaaaa");
        assertTrue(wait.isPresent());
        assertEquals(1, wait.getAsLong());
        assertTrue(limits.tryCall("api-token:chr_bbbbbbbb").isEmpty(), "another token has its own allowance");
    }
}
