package cn.liaocheng.rdcoverage.policy;

import cn.liaocheng.rdcoverage.common.db.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

import java.time.LocalDate;

/** A stored policy version: its parameter document as JSON, locked once a stored decision used it. */
@Entity
@Audited
@Table(name = "policy")
public class PolicyVersion extends VersionedEntity {
    @Id
    public String id;

    public LocalDate effectiveFrom;

    public String title;

    @Column(length = 1_000_000)
    public String parameters;

    public boolean locked;
}
