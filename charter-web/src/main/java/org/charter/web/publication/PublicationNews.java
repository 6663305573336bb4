package org.charter.web.publication;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.charter.service.rollout.VersionPublished;

/**
 * Tells every instance of a cluster that a franchise published a version, so each forgets the public pages it
 * keeps of that franchise at once instead of after {@link PublicSide#FRESH_FOR_NANOS}. The news travels on a
 * topic of the server's own data grid (the one that also keeps the sessions); the instance that published hears
 * it too. On a server without a data grid the news stays on the one instance, which is then all there is.
 */
@ApplicationScoped
public class PublicationNews {

    static final String TOPIC = "charter.publications";
    private static final Logger LOG = Logger.getLogger(PublicationNews.class.getName());

    @Inject
    PublicSide publicSide;

    private ITopic<String> topic;
    private UUID listener;

    /** Listens from the application's start, not from the first publication. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // delivering this event creates the bean, and with it the listener
    }

    @PostConstruct
    void listen() {
        try {
            HazelcastInstance grid = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
            topic = grid.getTopic(TOPIC);
            listener = topic.addMessageListener(message -> publicSide.forget(message.getMessageObject()));
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "No data grid: a publication refreshes the public pages of this instance only", e);
            topic = null;
        }
    }

    @PreDestroy
    void stop() {
        if (topic != null && listener != null) {
            try {
                topic.removeMessageListener(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "The data grid stopped first", e);
            }
        }
    }

    /** After the publishing transaction committed: every instance forgets the franchise's pages. */
    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionPublished news) {
        if (topic == null) {
            publicSide.forget(news.slug());
            return;
        }
        try {
            topic.publish(news.slug());
        } catch (RuntimeException e) {
            // the grid is unwell: this instance at least shows the new version; the others within their keep-time
            LOG.log(Level.WARNING, "Could not tell the other instances of a publication", e);
            publicSide.forget(news.slug());
        }
    }
}
