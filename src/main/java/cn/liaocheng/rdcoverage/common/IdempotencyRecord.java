package cn.liaocheng.rdcoverage.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The first response to a POST carrying an Idempotency-Key, kept per caller and key. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {
    @Id
    @Column(name = "caller")
    public String caller;

    @Id
    @Column(name = "idem_key")
    public String idemKey;

    @Column(name = "request_hash")
    public String requestHash;

    /** 0 while the first request is running. */
    @Column(name = "status")
    public int status;

    @Column(name = "location")
    public String location;

    @Column(name = "body", length = 1_000_000)
    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public String caller;
        public String idemKey;

        public Key() {
        }

        public Key(String caller, String idemKey) {
            this.caller = caller;
            this.idemKey = idemKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.caller, caller) && Objects.equals(k.idemKey, idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caller, idemKey);
        }
    }
}
