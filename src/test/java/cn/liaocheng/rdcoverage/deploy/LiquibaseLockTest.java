package cn.liaocheng.rdcoverage.deploy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stale-lock remedy of README.md "Deploying": a lock left by a killed migration makes the migration fail after
 * liquibase.changelogLockWaitTimeInMinutes (here 0) with a message naming the holder, instead of waiting forever;
 * the documented UPDATE releases it and the next migration runs (nothing left to apply).
 */
@QuarkusTest
class LiquibaseLockTest {
    private static final String RELEASE = "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1";

    @Inject
    DataSource dataSource;

    private void sql(String statement) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /**
     * A migration with a pending changeset (db/lock-probe.xml, test only): Liquibase skips the lock when nothing is
     * pending, so only a release with new changesets meets a stale lock.
     */
    private void migrate() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase("db/lock-probe.xml",
                    new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader()), db)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    @Test
    void aStaleLockFailsTheMigrationClearlyAndTheDocumentedUpdateReleasesIt() throws Exception {
        String previous = System.getProperty("liquibase.changelogLockWaitTimeInMinutes");
        System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "0");
        try {
            sql("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKGRANTED = CURRENT_TIMESTAMP, "
                    + "LOCKEDBY = 'rd-coverage-migrate-x7k2p (killed)' WHERE ID = 1");
            Exception e = assertThrows(Exception.class, this::migrate);
            String message = messages(e);
            assertTrue(message.contains("Could not acquire change log lock"), message);
            assertTrue(message.contains("rd-coverage-migrate-x7k2p (killed)"), message);

            sql(RELEASE);
            migrate();
            sql("DROP TABLE i14_lock_probe");
            sql("DELETE FROM DATABASECHANGELOG WHERE ID = 'i14-lock-probe'");
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT LOCKED FROM DATABASECHANGELOGLOCK WHERE ID = 1")) {
                assertTrue(r.next());
                assertEquals(false, r.getBoolean(1));
            }
        } finally {
            sql(RELEASE);
            if (previous == null) {
                System.clearProperty("liquibase.changelogLockWaitTimeInMinutes");
            } else {
                System.setProperty("liquibase.changelogLockWaitTimeInMinutes", previous);
            }
        }
    }

    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" / ");
        }
        return b.toString();
    }
}
