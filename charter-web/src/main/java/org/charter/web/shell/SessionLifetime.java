package org.charter.web.shell;

import java.time.Duration;

/** The absolute lifetime of a signed-in session, however active it is ({@link SessionGuard}). */
final class SessionLifetime {

    private SessionLifetime() {}

    /** Whether a session signed in at {@code signedInAt} (epoch milliseconds) may still work at {@code now}. */
    static boolean covers(long signedInAt, long now, Duration lifetime) {
        return now >= signedInAt && now - signedInAt <= lifetime.toMillis();
    }
}
