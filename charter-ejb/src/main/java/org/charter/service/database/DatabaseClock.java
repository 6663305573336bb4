package org.charter.service.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.persistence.config.QueryHints;

/** The database's clock: one clock for every instance, whatever the application servers' clocks say. */
@ApplicationScoped
public class DatabaseClock {

    @PersistenceContext(unitName = "charter")
    EntityManager em;

    /** The time the current transaction began: one instant for everything a transaction records. */
    public OffsetDateTime now() {
        Object now = em.createNativeQuery("select now()")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        return ((Timestamp) now).toInstant().atOffset(ZoneOffset.UTC);
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
