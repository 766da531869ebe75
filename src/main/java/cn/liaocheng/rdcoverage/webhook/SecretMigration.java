package cn.liaocheng.rdcoverage.webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * At start-up, seals what is not sealed under the active key: rows written before changeset 030 (clear {@code secret},
 * which is then set to null) and rows sealed under an older key (rotation, see {@link SecretBox}). The rows are locked
 * while they are rewritten, so two instances starting together do it one after the other. Rows whose key is missing
 * are left as they are (their deliveries fail naming the key id, see the delivery log).
 */
@ApplicationScoped
public class SecretMigration {
    private static final Logger LOG = Logger.getLogger(SecretMigration.class);

    @Inject AgroalDataSource dataSource;
    @Inject SecretBox box;

    void onStart(@Observes StartupEvent start) {
        if (box.activeKeyId() == null) {
            LOG.warn("rd.webhooks.secret-keys (RD_WEBHOOKS_SECRET_KEYS) is not set: webhook subscriptions cannot be created, "
                    + "and stored secrets cannot be read");
            return;
        }
        try {
            int n = migrate();
            if (n > 0) {
                LOG.infof("Webhook secrets sealed under key '%s': %d", box.activeKeyId(), n);
            }
        } catch (RuntimeException e) {
            LOG.warn("Sealing webhook secrets under the active key failed (retried at the next start)", e);
        }
    }

    /** Seals every clear or older-key secret under the active key; returns how many rows were rewritten. */
    public int migrate() {
        String active = box.activeKeyId();
        return QuarkusTransaction.requiringNew().call(() -> {
            int n = 0;
            try (Connection c = dataSource.getConnection();
                 PreparedStatement select = c.prepareStatement("select id, secret, secret_key_id, secret_ciphertext from webhook_subscription "
                         + "where secret_ciphertext is null or secret_key_id <> ? for update");
                 PreparedStatement update = c.prepareStatement("update webhook_subscription set secret = null, secret_key_id = ?, "
                         + "secret_ciphertext = ? where id = ?")) {
                select.setString(1, active);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        String clear;
                        try {
                            clear = box.secretOf(id, rs.getString(3), rs.getString(4), rs.getString(2));
                        } catch (SecretBox.Unreadable e) {
                            LOG.warnf("Webhook subscription %s: %s; left as it is", id, e.getMessage());
                            continue;
                        }
                        SecretBox.Sealed sealed = box.seal(id, clear);
                        update.setString(1, sealed.keyId());
                        update.setString(2, sealed.ciphertext());
                        update.setString(3, id);
                        update.addBatch();
                        n++;
                    }
                }
                if (n > 0) {
                    update.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return n;
        });
    }
}
