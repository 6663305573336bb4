package org.charter.service.evidence;

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
import org.charter.service.franchise.ActiveFranchises;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Once a minute, on every instance, a checkpoint of each active franchise that has new evidence. Instances do not
 * get in each other's way: a franchise another instance is working on is skipped ({@link Checkpoints#take}). The
 * timer is not persistent: a lost instance loses nothing, the next tick anywhere catches up. Off on an instance
 * with {@code charter.evidence.checkpoint.enabled=false}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CheckpointSchedule {

    private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    Checkpoints checkpoints;

    @Inject
    EvidenceKey key;

    @Inject
    ActiveFranchises franchises;

    @Schedule(minute = "*", hour = "*", persistent = false, info = "evidence checkpoints")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everyMinute() {
        if (!ConfigProvider.getConfig()
                .getOptionalValue("charter.evidence.checkpoint.enabled", Boolean.class)
                .orElse(true)) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            return; // the last round is still at work
        }
        try {
            key.id(); // reads the key, and warns about the development default, once per instance
            for (String franchise : franchises.ids()) {
                try {
                    checkpoints.take(franchise, false);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Evidence checkpoint of franchise " + franchise + " failed", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Evidence checkpoints skipped this minute", e);
        } finally {
            running.set(false);
        }
    }
}
