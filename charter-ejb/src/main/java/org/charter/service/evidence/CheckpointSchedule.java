package org.charter.service.evidence;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
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

    @Resource(lookup = "jdbc/charter")
    DataSource dataSource;

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
            for (String franchise : activeFranchises()) {
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

    private List<String> activeFranchises() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("select id::text from franchise where status = 'ACTIVE'");
                ResultSet rows = statement.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the franchises", e);
        }
    }
}
