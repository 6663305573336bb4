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

    public OffsetDateTime now() {
        Object now = em.createNativeQuery("select now()")
                .setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getSingleResult();
        return ((Timestamp) now).toInstant().atOffset(ZoneOffset.UTC);
    }
}
