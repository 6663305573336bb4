package org.charter.service.webhook;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.charter.model.common.BusinessException;
import org.charter.model.common.Ids;
import org.charter.model.common.NotFoundException;
import org.charter.model.people.Role;
import org.charter.service.audit.AuditTrail;
import org.charter.service.database.Rows;
import org.charter.service.security.SecretBox;
import org.charter.service.tenancy.Callers;
import org.charter.service.tenancy.Guarded;
import org.charter.service.tenancy.Permit;

/** HQ's webhook endpoints and their delivery log, with "send again" for a delivery that failed. */
@Stateless
@Guarded
@Permit(Role.HQ_ADMIN)
public class Webhooks {

    /** The delivery log shows this many of the newest deliveries. */
    public static final int LOG_SIZE = 50;

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @Inject
    WebhookAddresses addresses;

    @Inject
    SecretBox secrets;

    /** What an endpoint's sealed secret is bound to: its own row. */
    static String context(String webhookId) {
        return "webhook:" + webhookId;
    }

    /**
     * The secret an endpoint signs with: opened when sealed; one written in the clear before secrets were sealed
     * is used as it is until {@link WebhookDeliveries#sealSecretsKeptInTheClear} seals it.
     */
    static String openSecret(SecretBox secrets, String webhookId, String kept) {
        return SecretBox.isSealed(kept) ? secrets.open(kept, context(webhookId)) : kept;
    }

    /** Registers an endpoint for {@code events}; the secret it signs with is handed back once. */
    public NewWebhook register(String url, Set<WebhookEvent> events) {
        String address = url == null ? "" : url.strip();
        if (address.isEmpty()) {
            throw new BusinessException("error.required", "url");
        }
        if (address.length() > 500) {
            throw new BusinessException("error.tooLong", "url", 500);
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new BusinessException("webhook.url", address);
        }
        addresses.requireAllowed(uri);
        if (events == null || events.isEmpty()) {
            throw new BusinessException("webhook.noEvent");
        }
        String id = Ids.newId();
        String secret = WebhookSignature.newSecret();
        nativeQuery("insert into webhook (id, tenant_id, url, events, secret, created_by)"
                        + " values (cast(?1 as uuid), cast(?2 as uuid), ?3, ?4, ?5, ?6)")
                .setParameter(1, id)
                .setParameter(2, franchise())
                .setParameter(3, address)
                .setParameter(
                        4, events.stream().map(WebhookEvent::type).sorted().collect(Collectors.joining(",")))
                .setParameter(5, secrets.seal(secret, context(id)))
                .setParameter(6, callers.current().username())
                .executeUpdate();
        audit.record("webhook.registered", "webhook", id, address + " " + events);
        return new NewWebhook(id, secret);
    }

    public List<WebhookLine> list() {
        List<WebhookLine> lines = new ArrayList<>();
        for (Object[] row : Rows.list(nativeQuery("select id::text, url, events, active, created_at from webhook"
                        + " where tenant_id = cast(?1 as uuid) order by active desc, created_at desc")
                .setParameter(1, franchise()))) {
            lines.add(new WebhookLine(
                    (String) row[0],
                    (String) row[1],
                    Arrays.asList(((String) row[2]).split(",")),
                    (Boolean) row[3],
                    Rows.instant(row[4])));
        }
        return lines;
    }

    /** No further events for the endpoint; its log stays. */
    public void disable(String webhookId) {
        int changed = Ids.isWellFormed(webhookId)
                ? nativeQuery("update webhook set active = false, version = version + 1 where id = cast(?1 as uuid)"
                                + " and tenant_id = cast(?2 as uuid) and active")
                        .setParameter(1, webhookId)
                        .setParameter(2, franchise())
                        .executeUpdate()
                : 0;
        if (changed == 0) {
            throw new NotFoundException("webhook", webhookId);
        }
        nativeQuery("update webhook_delivery set status = 'FAILED', answer = 'endpoint disabled', next_at = null"
                        + " where webhook_id = cast(?1 as uuid) and status = 'QUEUED'")
                .setParameter(1, webhookId)
                .executeUpdate();
        audit.record("webhook.disabled", "webhook", webhookId, "");
    }

    /** The newest deliveries of every endpoint, newest first. */
    public List<DeliveryRecord> log() {
        List<DeliveryRecord> log = new ArrayList<>();
        for (Object[] row :
                Rows.list(nativeQuery("select d.id::text, w.url, d.event, d.status, d.attempts, d.created_at,"
                                + " d.next_at, d.delivered_at, d.answer from webhook_delivery d"
                                + " join webhook w on w.id = d.webhook_id where d.tenant_id = cast(?1 as uuid)"
                                + " order by d.created_at desc, d.id limit " + LOG_SIZE)
                        .setParameter(1, franchise()))) {
            log.add(new DeliveryRecord(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    ((Number) row[4]).intValue(),
                    Rows.instant(row[5]),
                    Rows.instant(row[6]),
                    Rows.instant(row[7]),
                    (String) row[8]));
        }
        return log;
    }

    /** A failed delivery is queued again, with the same id and body, for an endpoint that is still active. */
    public void sendAgain(String deliveryId) {
        int queued = Ids.isWellFormed(deliveryId)
                ? nativeQuery("update webhook_delivery d set status = 'QUEUED', attempts = 0, next_at = now(),"
                                + " lease_until = null, lease_token = null, version = d.version + 1"
                                + " from webhook w where d.id = cast(?1 as uuid) and d.tenant_id = cast(?2 as uuid)"
                                + " and d.status = 'FAILED' and w.id = d.webhook_id and w.active")
                        .setParameter(1, deliveryId)
                        .setParameter(2, franchise())
                        .executeUpdate()
                : 0;
        if (queued == 0) {
            throw new NotFoundException("webhookDelivery", deliveryId);
        }
        audit.record("webhook.sentAgain", "webhookDelivery", deliveryId, "");
    }

    private String franchise() {
        return callers.current().franchiseId();
    }

    private jakarta.persistence.Query nativeQuery(String sql) {
        return Rows.nativeQuery(em, sql);
    }
}
