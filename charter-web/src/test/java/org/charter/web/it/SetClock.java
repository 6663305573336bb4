package org.charter.web.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.charter.service.database.DatabaseClock;

/**
 * The database clock, or a time a test has set: in the deployments that include it, every service reads the time
 * the test chose (a Friday evening in Riga, the Monday after a change to summer time), and the database's own
 * clock again once the test clears it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class SetClock extends DatabaseClock {

    private static final AtomicReference<OffsetDateTime> SET = new AtomicReference<>();

    public static void set(OffsetDateTime at) {
        SET.set(at);
    }

    public static void clear() {
        SET.set(null);
    }

    @Override
    public OffsetDateTime now() {
        OffsetDateTime at = SET.get();
        return at != null ? at : super.now();
    }

    @Override
    public OffsetDateTime current() {
        OffsetDateTime at = SET.get();
        return at != null ? at : super.current();
    }
}
