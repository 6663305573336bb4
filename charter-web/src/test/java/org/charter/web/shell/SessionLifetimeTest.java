package org.charter.web.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {

    private static final long SIGNED_IN = 1_796_000_000_000L;
    private static final Duration TWELVE_HOURS = Duration.ofHours(12);

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActive() {
        assertTrue(SessionLifetime.covers(
                SIGNED_IN, SIGNED_IN + Duration.ofHours(11).toMillis(), TWELVE_HOURS));
        assertTrue(SessionLifetime.covers(SIGNED_IN, SIGNED_IN + TWELVE_HOURS.toMillis(), TWELVE_HOURS));
        assertFalse(SessionLifetime.covers(SIGNED_IN, SIGNED_IN + TWELVE_HOURS.toMillis() + 1, TWELVE_HOURS));
    }

    @Test
    void aSignInTimeFromTheFutureIsNotTrusted() {
        assertFalse(SessionLifetime.covers(SIGNED_IN, SIGNED_IN - 1, TWELVE_HOURS));
    }
}
