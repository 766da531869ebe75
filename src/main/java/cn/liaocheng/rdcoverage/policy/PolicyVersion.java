package cn.liaocheng.rdcoverage.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** A stored policy version: its parameter document as JSON, locked once a stored decision used it. */
@Entity
@Audited
@Table(name = "policy")
public class PolicyVersion extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "title")
    public String title;

    @Column(name = "parameters", length = 1_000_000)
    public String parameters;

    @Column(name = "locked")
    public boolean locked;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
