package org.charter.service.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostConnectionIsAnOutageWhereverItSurfaces() {
        assertTrue(DatabaseOutage.causedBy(new EJBException(new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLException("shutting down", "57P01"))));
        assertTrue(DatabaseOutage.causedBy(
                new SQLException("Error in allocating a connection. Cause: Connection could not be allocated")));
        // a commit whose connection died: the transaction manager keeps only the message of the resource's error
        var commit = new jakarta.transaction.SystemException();
        commit.initCause(new XAException("jakarta.resource.spi.LocalTransactionException: An I/O error occurred"));
        assertTrue(
                DatabaseOutage.causedBy(new EJBException("Unable to complete container-managed transaction.", commit)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("a bug")));
        assertFalse(DatabaseOutage.causedBy(new EJBException(new SQLException("no state"))));
    }
}
