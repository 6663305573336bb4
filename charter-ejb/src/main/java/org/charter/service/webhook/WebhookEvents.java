package org.charter.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.charter.service.rollout.VersionPublished;
import org.eclipse.persistence.config.QueryHints;

/**
 * Writes an event's deliveries, one per active endpoint that wants it, in the caller's transaction: an event is
 * delivered exactly when what it tells of was committed. A franchise without endpoints pays one indexed lookup.
 * Signatures write theirs inside their own statement ({@code Signatures.sign}), the one place too busy for a
 * second statement.
 */
@ApplicationScoped
public class WebhookEvents {

    /** The condition on {@code webhook w} for endpoints of tenant {@code ?1} that want event type {@code ?2}. */
    static final String WANTS = "w.tenant_id = cast(?1 as uuid) and w.active"
            + " and position(',' || ?2 || ',' in ',' || w.events || ',') > 0";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    /** Queues {@code event} with {@code data} for every endpoint of the franchise that wants it. */
    public int raise(String franchiseId, WebhookEvent event, JsonObject data) {
        String body = Json.createObjectBuilder()
                .add("type", event.type())
                .add("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString())
                .add("data", data)
                .build()
                .toString();
        return em.createNativeQuery("insert into webhook_delivery (id, tenant_id, webhook_id, event, payload, status,"
                        + " next_at) select gen_random_uuid(), w.tenant_id, w.id, ?2, ?3, 'QUEUED', now()"
                        + " from webhook w where " + WANTS)
                .setParameter(1, franchiseId)
                .setParameter(2, event.type())
                .setParameter(3, body)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .executeUpdate();
    }

    /** A version published: in the publishing transaction, so the event exists exactly when the publication does. */
    void published(@Observes(during = TransactionPhase.IN_PROGRESS) VersionPublished news) {
        raise(
                news.franchiseId(),
                WebhookEvent.VERSION_PUBLISHED,
                Json.createObjectBuilder()
                        .add("version", news.number())
                        .add("franchise", news.slug())
                        .build());
    }
}
