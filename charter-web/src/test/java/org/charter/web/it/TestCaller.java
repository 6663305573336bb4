package org.charter.web.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.function.Supplier;
import org.charter.service.tenancy.CallerIdentity;

/**
 * Stands in for the container's authenticated caller in service tests, so a test can call the services as any
 * account. Only the name comes from here: roles, franchise and status are still read from the database by the
 * real guard, exactly as for a signed-in user. The real sign-in path is covered by the page tests.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestCaller implements CallerIdentity {

    private static volatile String current;

    /** A caller for one thread only, for tests where two people act at the same moment. */
    private static final ThreadLocal<String> onThisThread = new ThreadLocal<>();

    @Override
    public Optional<String> username() {
        String mine = onThisThread.get();
        return Optional.ofNullable(mine != null ? mine : current);
    }

    /** Runs {@code work} as {@code username} on the calling thread only. */
    public static <T> T onThread(String username, Supplier<T> work) {
        onThisThread.set(username);
        try {
            return work.get();
        } finally {
            onThisThread.remove();
        }
    }

    public static <T> T as(String username, Supplier<T> work) {
        String before = current;
        current = username;
        try {
            return work.get();
        } finally {
            current = before;
        }
    }

    public static void run(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }
}
