package cn.liaocheng.rdcoverage.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The first response to a POST carrying an Idempotency-Key, kept per issuer, subject, method, path and key (their
 * SHA-256 is the id), with the scope the caller had then; it expires after rd.idempotency.ttl.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {
    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "issuer")
    public String issuer;

    @Column(name = "subject")
    public String subject;

    @Column(name = "method")
    public String method;

    @Column(name = "path")
    public String path;

    @Column(name = "idem_key")
    public String idemKey;

    /** Role and scope claims of the caller that got the first answer; a replay needs the same. */
    @Column(name = "scope")
    public String scope;

    @Column(name = "request_hash")
    public String requestHash;

    /** 0 while the first request is running. */
    @Column(name = "status")
    public int status;

    @Column(name = "location")
    public String location;

    @Column(name = "etag")
    public String etag;

    @Column(name = "body", length = 1_000_000)
    public String body;

    @Column(name = "created_at")
    public Instant createdAt;
}
