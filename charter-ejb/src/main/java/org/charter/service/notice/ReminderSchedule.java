package org.charter.service.notice;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.charter.service.database.DatabaseClock;
import org.charter.service.franchise.ActiveFranchises;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The engine's two pollers, on every instance: once a minute the notices that fell due are written; every ten
 * seconds the mails that are due go out. Neither timer is persistent: they only ask the database what is due,
 * so a lost instance loses nothing and the next tick anywhere catches up. The database's clock says what time it
 * is. Off on an instance with {@code charter.reminders.enabled=false} (the tests drive the engine with chosen
 * times instead).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());

    private final AtomicBoolean planning = new AtomicBoolean();
    private final AtomicBoolean sending = new AtomicBoolean();

    @Inject
    Deliveries deliveries;

    @Inject
    ActiveFranchises franchises;

    @Inject
    MailDispatcher dispatcher;

    @Inject
    DatabaseClock clock;

    @Schedule(minute = "*", hour = "*", persistent = false, info = "reminders: plan")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void plan() {
        if (!enabled() || !planning.compareAndSet(false, true)) {
            return;
        }
        try {
            for (String franchise : franchises.ids()) {
                try {
                    deliveries.plan(franchise, now());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Reminders of franchise " + franchise + " not planned this minute", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reminders not planned this minute", e);
        } finally {
            planning.set(false);
        }
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "reminders: send")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void send() {
        if (!enabled() || !sending.compareAndSet(false, true)) {
            return;
        }
        try {
            dispatcher.dispatch(this::now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail not sent this round", e);
        } finally {
            sending.set(false);
        }
    }

    private OffsetDateTime now() {
        return clock.current();
    }

    private static boolean enabled() {
        return ConfigProvider.getConfig()
                .getOptionalValue("charter.reminders.enabled", Boolean.class)
                .orElse(true);
    }
}
