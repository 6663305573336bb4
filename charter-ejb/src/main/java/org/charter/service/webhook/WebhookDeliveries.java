package org.charter.service.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.charter.service.notice.Deliveries.RetryPolicy;
import org.charter.service.security.SecretBox;
import org.charter.service.tenancy.TenantSession;
import org.eclipse.persistence.config.QueryHints;

/**
 * The database side of sending webhooks, each step a short transaction bound to one franchise, as for mail: claim a
 * batch of due deliveries as a lease (skipping what another dispatcher holds), record each endpoint's answer.
 */
@Stateless
public class WebhookDeliveries {

    /** A claimed delivery: where it goes, the secret it is signed with, the body. */
    public record Outgoing(String id, String url, String secret, String payload) {}

    /** What a claim hands to the dispatcher. */
    public record Claim(String token, List<Outgoing> deliveries) {}

    /** What an endpoint answered; {@code delivered} for a 2xx status. */
    public record Outcome(String deliveryId, boolean delivered, String answer) {}

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Inject
    TenantSession tenantSession;

    @Inject
    SecretBox secrets;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(String franchiseId, OffsetDateTime now, int limit, int leaseSeconds) {
        tenantSession.enter(franchiseId);
        String token = java.util.UUID.randomUUID().toString();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update webhook_delivery d set lease_token = cast(?3 as uuid),"
                        + " lease_until = cast(?2 as timestamptz) + make_interval(secs => ?4),"
                        + " attempts = d.attempts + 1, attempted_at = cast(?2 as timestamptz)"
                        + " from webhook w where w.id = d.webhook_id and d.id in (select q.id from webhook_delivery q"
                        + "  where q.tenant_id = cast(?1 as uuid) and q.status = 'QUEUED'"
                        + "  and q.next_at <= cast(?2 as timestamptz)"
                        + "  and (q.lease_until is null or q.lease_until <= cast(?2 as timestamptz))"
                        + "  order by q.next_at limit ?5 for update skip locked)"
                        + " returning d.id::text, w.url, w.secret, d.payload, w.id::text")
                .setParameter(1, franchiseId)
                .setParameter(2, now)
                .setParameter(3, token)
                .setParameter(4, leaseSeconds)
                .setParameter(5, limit)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        List<Outgoing> deliveries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String secret = Webhooks.openSecret(secrets, (String) row[4], (String) row[2]);
            deliveries.add(new Outgoing((String) row[0], (String) row[1], secret, (String) row[3]));
        }
        return new Claim(token, deliveries);
    }

    /**
     * Seals the signing secrets of the franchise's endpoints that were kept in the clear before secrets were
     * sealed; returns how many. Nothing to do once every secret is sealed (one indexed read).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealSecretsKeptInTheClear(String franchiseId) {
        if (!secrets.hasKey()) {
            return 0;
        }
        tenantSession.enter(franchiseId);
        @SuppressWarnings("unchecked")
        List<Object[]> clear = em.createNativeQuery("select id::text, secret from webhook"
                        + " where tenant_id = cast(?1 as uuid) and secret not like 'sealed1:%' for update")
                .setParameter(1, franchiseId)
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        for (Object[] row : clear) {
            em.createNativeQuery("update webhook set secret = ?2 where id = cast(?1 as uuid)")
                    .setParameter(1, row[0])
                    .setParameter(2, secrets.seal((String) row[1], Webhooks.context((String) row[0])))
                    .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .executeUpdate();
        }
        return clear.size();
    }

    /**
     * Records the answers of a claim while its lease is still this claim's: delivered, or tried again later
     * (capped exponential back-off), or failed for good after the last attempt.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int record(String franchiseId, OffsetDateTime now, String token, List<Outcome> outcomes, RetryPolicy retry) {
        tenantSession.enter(franchiseId);
        int recorded = 0;
        for (Outcome outcome : outcomes) {
            recorded += em.createNativeQuery(
                            "update webhook_delivery d set"
                                    + " status = case when ?3 then 'DELIVERED' when d.attempts >= ?5 then 'FAILED' else 'QUEUED' end,"
                                    + " delivered_at = case when ?3 then cast(?1 as timestamptz) end,"
                                    + " next_at = case when ?3 or d.attempts >= ?5 then null else cast(?1 as timestamptz) + least("
                                    + "  make_interval(secs => ?6 * power(2, greatest(d.attempts - 1, 0))),"
                                    + "  make_interval(secs => ?7)) end,"
                                    + " answer = left(?4, 1000), lease_until = null, lease_token = null, version = d.version + 1"
                                    + " where d.id = cast(?2 as uuid) and d.lease_token = cast(?8 as uuid) and d.status = 'QUEUED'")
                    .setParameter(1, now)
                    .setParameter(2, outcome.deliveryId())
                    .setParameter(3, outcome.delivered())
                    .setParameter(4, outcome.answer())
                    .setParameter(5, retry.maxAttempts())
                    .setParameter(6, retry.baseSeconds())
                    .setParameter(7, retry.capSeconds())
                    .setParameter(8, token)
                    .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                    .executeUpdate();
        }
        return recorded;
    }
}
