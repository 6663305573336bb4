package org.charter.web.webhook;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.charter.service.webhook.DeliveryRecord;
import org.charter.service.webhook.NewWebhook;
import org.charter.service.webhook.WebhookEvent;
import org.charter.service.webhook.WebhookLine;
import org.charter.service.webhook.Webhooks;
import org.charter.web.shell.Texts;

/** {@code /hq/webhooks.xhtml}. */
@Named
@ViewScoped
public class WebhooksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    org.charter.service.franchise.FranchiseClock clock;

    @Inject
    Webhooks webhooks;

    private List<WebhookLine> endpoints;
    private List<DeliveryRecord> log;
    private ZoneId zone;

    private String url;
    private List<String> events = new java.util.ArrayList<>(List.of(WebhookEvent.VERSION_PUBLISHED.name()));

    /** The endpoint just registered, with its secret, shown once. */
    private NewWebhook made;

    public void load() {
        endpoints = webhooks.list();
        log = webhooks.log();
        zone = clock.zone();
    }

    public void register() {
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        if (events != null) {
            events.stream().map(WebhookEvent::valueOf).forEach(chosen::add);
        }
        made = webhooks.register(url, chosen);
        Texts.info("webhooks.registered", url.strip());
        url = null;
        load();
    }

    public void disable(WebhookLine endpoint) {
        webhooks.disable(endpoint.id());
        Texts.info("webhooks.disabled", endpoint.url());
        made = null;
        load();
    }

    public void sendAgain(DeliveryRecord delivery) {
        webhooks.sendAgain(delivery.id());
        Texts.info("webhooks.queuedAgain");
        load();
    }

    public ZonedDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(zone);
    }

    /** An event's type as the page names it, from the type the endpoint receives. */
    public String eventName(String type) {
        return WebhookEvent.ofType(type)
                .map(event -> Texts.text("webhooks.event." + event.name()))
                .orElse(type);
    }

    public List<WebhookEvent> getAllEvents() {
        return List.of(WebhookEvent.values());
    }

    public List<WebhookLine> getEndpoints() {
        return endpoints;
    }

    public List<DeliveryRecord> getLog() {
        return log;
    }

    public NewWebhook getMade() {
        return made;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }
}
