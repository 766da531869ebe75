package cn.liaocheng.rdcoverage.common;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What counts as the database being away (503 with Retry-After, logged once) rather than a fault of the service (500):
 * the failures of a database that refuses connections and of one that hangs. The hanging one (an ops trial froze
 * MariaDB) reaches the service as Hibernate's GenericJDBCException around Agroal's "Acquisition timeout…", which was
 * answered 500 with an ERROR per request. bench/db-outage.sh shows the refusing one over HTTP.
 */
class DatabaseOutageTest {
    @Test
    void aPoolThatCannotGetAConnectionInTimeIsAnOutage() {
        assertTrue(DatabaseOutage.isOutage(new org.hibernate.exception.GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseOutage.isOutage(new SQLException("Communications link failure", "08S01")));
        assertFalse(DatabaseOutage.isOutage(new SQLException("Duplicate entry '1' for key 'PRIMARY'", "23000")));
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("acquisition")));
    }
}
