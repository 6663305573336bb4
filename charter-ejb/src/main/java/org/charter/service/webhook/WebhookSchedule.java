package org.charter.service.webhook;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.service.database.DatabaseClock;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every ten seconds, the webhook deliveries that are due go out. Like the reminders' timers it is not persistent
 * and only asks the database what is due, so a lost instance loses nothing; it runs where the reminders run
 * ({@code charter.reminders.enabled}), on the database's clock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookSchedule {

    private static final Logger LOG = Logger.getLogger(WebhookSchedule.class.getName());

    private final AtomicBoolean sending = new AtomicBoolean();

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    DatabaseClock clock;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "webhooks: send")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void send() {
        boolean enabled = ConfigProvider.getConfig()
                .getOptionalValue("charter.reminders.enabled", Boolean.class)
                .orElse(true);
        if (!enabled || !sending.compareAndSet(false, true)) {
            return;
        }
        try {
            dispatcher.dispatch(clock::current);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhooks not sent this round", e);
        } finally {
            sending.set(false);
        }
    }
}
