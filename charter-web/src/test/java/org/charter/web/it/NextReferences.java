package org.charter.web.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.charter.service.feedback.References;

/**
 * The references the service draws, or the ones a test has lined up first (to draw one already taken): in the
 * deployments that include it, the next draws are those given, then random ones again.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class NextReferences extends References {

    private static final Queue<String> NEXT = new ConcurrentLinkedQueue<>();

    public static void lineUp(String... references) {
        NEXT.addAll(java.util.List.of(references));
    }

    public static void clear() {
        NEXT.clear();
    }

    @Override
    public String draw() {
        String next = NEXT.poll();
        return next != null ? next : super.draw();
    }
}
