package org.charter.service.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.config.QueryHints;

/** The database's clock: one clock for every instance, whatever the application servers' clocks say. */
@ApplicationScoped
public class DatabaseClock {

    private static final String NOW = "charter.now";

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * The time the current transaction began: one instant for everything a transaction records. Asked once per
     * transaction, and not at all when the tenant's binding already brought it ({@link #began}). So it does not
     * flush the entity manager either: a service that persists an entity and then one that refers to it by id
     * alone flushes the first itself (as {@code ReviewService.openDraft} does).
     */
    public OffsetDateTime now() {
        boolean inTransaction = transaction.getTransactionStatus() == Status.STATUS_ACTIVE;
        if (inTransaction && transaction.getResource(NOW) instanceof OffsetDateTime known) {
            return known;
        }
        Object now = em.createNativeQuery("select now()")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        OffsetDateTime began = ((Timestamp) now).toInstant().atOffset(ZoneOffset.UTC);
        if (inTransaction) {
            transaction.putResource(NOW, began);
        }
        return began;
    }

    /**
     * Keeps the database's {@code now()} read by another statement of the current transaction (it is the same for
     * the whole transaction), so that {@link #now} need not ask again.
     */
    public void began(Timestamp now) {
        if (transaction.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transaction.putResource(NOW, now.toInstant().atOffset(ZoneOffset.UTC));
        }
    }

    /**
     * The time at this moment, whatever transaction the connection is in. For work outside a transaction that
     * asks again and again (the reminder schedule): there {@code now()} is the start of whatever transaction the
     * connection was left in, and stood still for a whole dispatch of 100,000 mails in the benchmark.
     */
    public OffsetDateTime current() {
        Object now = em.createNativeQuery("select clock_timestamp()")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        return ((Timestamp) now).toInstant().atOffset(ZoneOffset.UTC);
    }
}
