package cn.liaocheng.rdcoverage.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * The first response to a POST carrying an Idempotency-Key, kept per issuer, subject, method, path and key (their
 * SHA-256 is the id), with the scope the caller had then; it expires after rd.idempotency.ttl.
 */
@Entity
public class IdempotencyRecord extends PanacheEntityBase {
    @Id
    public String keyHash;

    public String issuer;

    public String subject;

    public String method;

    public String path;

    public String idemKey;

    /** Role and scope claims of the caller that got the first answer; a replay needs the same. */
    public String scope;

    public String requestHash;

    /** 0 while the first request is running. */
    public int status;

    public String location;

    public String etag;

    @Column(length = 1_000_000)
    public String body;

    public Instant createdAt;
}
