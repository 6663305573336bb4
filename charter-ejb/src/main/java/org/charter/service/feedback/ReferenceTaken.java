package org.charter.service.feedback;

import jakarta.ejb.ApplicationException;
import java.sql.SQLException;

/**
 * The reference drawn for a new case is already a case of the franchise (about once in a million cases when a
 * franchise has a million): the transaction is rolled back, nothing is kept, and sending again draws anew.
 */
@ApplicationException(rollback = true)
public class ReferenceTaken extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The unique index on a franchise's references, as PostgreSQL names it. */
    static final String INDEX = "feedback_tenant_id_reference_key";

    public ReferenceTaken() {
        super("the reference drawn is taken", null, false, false);
    }

    /** Whether {@code failure} was PostgreSQL refusing a second case with the same reference. */
    static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && "23505".equals(sql.getSQLState())
                    && sql.getMessage() != null
                    && sql.getMessage().contains(INDEX)) {
                return true;
            }
        }
        return false;
    }
}
