package cn.liaocheng.rdcoverage.ops;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses to start on a schema that is behind this release: every changelog file the master changelog includes
 * must have changesets recorded in {@code DATABASECHANGELOG} (a schema change is always a new file, docs in the
 * master changelog). One query instead of Hibernate's schema validation, which reads every table's metadata and
 * is off in production pods for start-up time (issue #14): a pod started before the migration Job has run exits
 * at once, naming the files not yet applied, and the Job (init-and-exit) still validates the whole schema.
 * Runs before the other start-up observers, which read tables. {@code rd.schema-check.enabled=false} skips it.
 */
@ApplicationScoped
public class SchemaCheck {
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");

    @Inject AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.liquibase.change-log")
    String masterChangelog;

    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    void check(@Observes @Priority(1) StartupEvent start) throws SQLException, IOException {
        if (!rd.schemaCheck().enabled()) {
            return;
        }
        List<String> missing = missing(included(), applied());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The database schema is behind this release: the changesets of " + missing
                    + " are not applied. Run the migration Job (deploy/k8s/migrate-job.yaml) first.");
        }
    }

    static List<String> missing(List<String> included, Set<String> applied) {
        List<String> missing = new ArrayList<>();
        for (String file : included) {
            if (!applied.contains(file)) {
                missing.add(file);
            }
        }
        return missing;
    }

    private List<String> included() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(masterChangelog)) {
            if (in == null) {
                throw new IllegalStateException("the master changelog " + masterChangelog + " is missing");
            }
            Matcher m = INCLUDE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> files = new ArrayList<>();
            while (m.find()) {
                files.add(m.group(1));
            }
            return files;
        }
    }

    private Set<String> applied() throws SQLException {
        Set<String> files = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select distinct FILENAME from DATABASECHANGELOG")) {
                while (rs.next()) {
                    files.add(rs.getString(1));
                }
            } catch (SQLException e) {
                // no DATABASECHANGELOG table: nothing was ever migrated here
                return files;
            }
        }
        return files;
    }
}
