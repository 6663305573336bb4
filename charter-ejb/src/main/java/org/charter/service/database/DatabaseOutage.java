package org.charter.service.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure caused by the database being away (restarting, failing over, unreachable) from every other
 * failure, so the pages can answer "temporarily unavailable" instead of "something went wrong". Recognised are
 * the connection-failure class of SQL states ({@code 08…}), the server shutting down or starting up
 * ({@code 57P01}–{@code 57P03}), the connection pool failing to hand out a connection, and a commit that
 * failed because the connection did (an {@code XAException} from the transaction manager).
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before trying again; the pool replaces dead connections well within it. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = thrown; cause != null && seen.put(cause, true) == null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
            String type = cause.getClass().getName();
            // the pool's own words when it cannot open a connection (no SQL state of its own)
            if (type.startsWith("jakarta.resource.") && type.endsWith("AllocationException")) {
                return true;
            }
            // the connection died at commit: the transaction manager reports it as the resource failing, and the
            // database is the application's only transactional resource
            if (cause instanceof javax.transaction.xa.XAException
                    || type.equals("jakarta.resource.spi.LocalTransactionException")) {
                return true;
            }
            if (cause instanceof SQLException
                    && String.valueOf(cause.getMessage()).startsWith("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }

    static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state));
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getNextException() != null && sql.getCause() == null) {
            return sql.getNextException();
        }
        return cause.getCause();
    }
}
