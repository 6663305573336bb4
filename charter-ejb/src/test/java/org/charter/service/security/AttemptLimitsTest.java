package org.charter.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.charter.service.security.AttemptLimits.Kind;
import org.junit.jupiter.api.Test;

class AttemptLimitsTest {

    @Test
    void oneAddressGetsItsAllowanceAndThenAWait() {
        AttemptLimits limits = new AttemptLimits(5, 3, 1_000);
        long allowed = IntStream.range(0, 12)
                .filter(i -> limits.tryAttempt(Kind.SIGN_IN, "203.0.113.7").isEmpty())
                .count();
        assertEquals(5, allowed);
        Optional<Duration> wait = limits.tryAttempt(Kind.SIGN_IN, "203.0.113.7");
        assertTrue(wait.isPresent() && wait.get().toSeconds() >= 1 && wait.get().toSeconds() <= 60, "wait " + wait);
        assertTrue(limits.tryAttempt(Kind.SIGN_IN, "203.0.113.8").isEmpty(), "another address is not affected");
        assertTrue(limits.tryAttempt(Kind.PIN, "203.0.113.7").isEmpty(), "PINs have their own allowance");
    }

    @Test
    void theWholeInstanceHasACeilingAndARefusalCostsTheAddressNothing() {
        AttemptLimits limits = new AttemptLimits(100, 100, 2);
        long allowed = IntStream.range(0, 50)
                .filter(i -> limits.tryAttempt(Kind.SIGN_IN, "198.51.100." + i).isEmpty())
                .count();
        assertEquals(4, allowed, "capacity is two seconds' worth");
        // the addresses refused by the instance's ceiling kept their own allowance
        AttemptLimits tight = new AttemptLimits(1, 100, 1);
        assertTrue(tight.tryAttempt(Kind.SIGN_IN, "a").isEmpty());
        assertTrue(tight.tryAttempt(Kind.SIGN_IN, "b").isEmpty());
        assertTrue(tight.tryAttempt(Kind.SIGN_IN, "c").isPresent(), "the instance's two are used up");
        Optional<Duration> again = tight.tryAttempt(Kind.SIGN_IN, "c");
        assertTrue(
                again.isPresent() && again.get().toSeconds() <= 2,
                "refused by the ceiling (a second), not by its own allowance (a minute): " + again);
    }

    @Test
    void oneSourceGetsFiveChecksOfOneAccountAndARightOneIsGivenBack() {
        AttemptLimits limits = new AttemptLimits(1_000, 1_000, 1_000);
        for (int i = 0; i < 20; i++) {
            assertTrue(
                    limits.tryAttempt(Kind.ACCOUNT_FROM_SOURCE, "anna from 192.0.2.1")
                            .isEmpty(),
                    "right " + i);
            limits.succeeded(Kind.ACCOUNT_FROM_SOURCE, "anna from 192.0.2.1");
        }
        long wrong = IntStream.range(0, 10)
                .filter(i -> limits.tryAttempt(Kind.ACCOUNT_FROM_SOURCE, "anna from 192.0.2.1")
                        .isEmpty())
                .count();
        assertEquals(AttemptLimits.ACCOUNT_FROM_SOURCE_BURST, wrong, "failures use the allowance up");
        Optional<Duration> wait = limits.tryAttempt(Kind.ACCOUNT_FROM_SOURCE, "anna from 192.0.2.1");
        assertTrue(wait.isPresent() && wait.get().toMinutes() >= 9, "then one per ten minutes: " + wait);
        assertTrue(limits.tryAttempt(Kind.ACCOUNT_FROM_SOURCE, "anna from 198.51.100.9")
                .isEmpty());
    }

    @Test
    void anAttemptTakesItsShareOfTheInstanceOnceNotAgainPerAccount() {
        AttemptLimits limits = new AttemptLimits(100, 100, 2);
        for (int i = 0; i < 4; i++) {
            assertTrue(limits.tryAttempt(Kind.SIGN_IN, "192.0.2." + i).isEmpty(), "at the door " + i);
            assertTrue(
                    limits.tryAttempt(Kind.ACCOUNT_FROM_SOURCE, "anna from 192.0.2." + i)
                            .isEmpty(),
                    "account " + i);
        }
        assertTrue(limits.tryAttempt(Kind.SIGN_IN, "192.0.2.9").isPresent(), "four checks used the two seconds' four");
    }

    @Test
    void theNumberOfRememberedKeysIsBounded() {
        AttemptLimits limits = new AttemptLimits(10, 10, 1_000_000);
        for (int i = 0; i < AttemptLimits.MAX_KEYS + 500; i++) {
            limits.tryAttempt(Kind.SIGN_IN, "key-" + i);
        }
        assertEquals(AttemptLimits.MAX_KEYS, limits.keys());
    }
}
