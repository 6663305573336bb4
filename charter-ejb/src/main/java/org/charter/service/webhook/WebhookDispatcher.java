package org.charter.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.model.common.BusinessException;
import org.charter.service.franchise.ActiveFranchises;
import org.charter.service.notice.Deliveries.RetryPolicy;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends the webhook deliveries that are due, franchise by franchise, batch by batch, like the mail dispatcher: a
 * claim is a lease, so dispatchers on several instances share the work, and a delivery whose dispatcher died is
 * claimed again when its lease runs out. At least once: an endpoint may see a delivery twice (after such a death,
 * or when its 2xx was lost), always with the same {@code webhook-id}, by which it drops the copy.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

    /** What one round did. */
    public record Round(int claimed, int delivered) {}

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    ActiveFranchises franchises;

    @Inject
    WebhookAddresses addresses;

    /** The franchises whose endpoint secrets this instance has seen sealed. */
    private final java.util.Set<String> sealed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public Round dispatch(Supplier<OffsetDateTime> clock) {
        int claimed = 0;
        int delivered = 0;
        for (String franchise : franchises.ids()) {
            try {
                Round round = dispatch(franchise, clock);
                claimed += round.claimed();
                delivered += round.delivered();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Webhooks of franchise " + franchise + " not sent this round", e);
            }
        }
        return new Round(claimed, delivered);
    }

    public Round dispatch(String franchiseId, Supplier<OffsetDateTime> clock) {
        if (!sealed.contains(franchiseId)) {
            // once per franchise and instance: secrets written in the clear before sealing began are sealed now
            deliveries.sealSecretsKeptInTheClear(franchiseId);
            sealed.add(franchiseId);
        }
        int batch = setting("charter.webhooks.batch", 50);
        int claimed = 0;
        int delivered = 0;
        while (true) {
            WebhookDeliveries.Claim claim =
                    deliveries.claim(franchiseId, clock.get(), batch, setting("charter.webhooks.lease-seconds", 120));
            List<WebhookDeliveries.Outcome> outcomes = new ArrayList<>();
            for (WebhookDeliveries.Outgoing delivery : claim.deliveries()) {
                outcomes.add(send(delivery, clock.get()));
            }
            deliveries.record(franchiseId, clock.get(), claim.token(), outcomes, retryPolicy());
            claimed += outcomes.size();
            delivered += (int) outcomes.stream()
                    .filter(WebhookDeliveries.Outcome::delivered)
                    .count();
            if (claim.deliveries().size() < batch) {
                return new Round(claimed, delivered);
            }
        }
    }

    WebhookDeliveries.Outcome send(WebhookDeliveries.Outgoing delivery, OffsetDateTime now) {
        try {
            URI uri = URI.create(delivery.url());
            addresses.requireAllowed(uri);
            long timestamp = now.toEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofMillis(setting("charter.webhooks.timeout-ms", 10_000)))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Charter-Webhooks/1")
                    .header("webhook-id", delivery.id())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header(
                            "webhook-signature",
                            WebhookSignature.sign(delivery.secret(), delivery.id(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new WebhookDeliveries.Outcome(delivery.id(), status >= 200 && status < 300, "HTTP " + status);
        } catch (BusinessException e) {
            return new WebhookDeliveries.Outcome(delivery.id(), false, "address not allowed: " + e.getMessageKey());
        } catch (IOException | IllegalArgumentException e) {
            return new WebhookDeliveries.Outcome(
                    delivery.id(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookDeliveries.Outcome(delivery.id(), false, "interrupted");
        }
    }

    static RetryPolicy retryPolicy() {
        return new RetryPolicy(
                setting("charter.webhooks.max-attempts", 30),
                setting("charter.webhooks.retry-base-seconds", 60),
                setting("charter.webhooks.retry-cap-seconds", 3600));
    }

    private static int setting(String key, int otherwise) {
        return ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(otherwise);
    }
}
