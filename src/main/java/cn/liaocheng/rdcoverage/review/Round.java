package cn.liaocheng.rdcoverage.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

import java.time.Instant;
import java.time.LocalDate;

/** One of the two yearly rounds (每年上半年和下半年各组织一次申报及审核), id like 2026H2. */
@Entity
@Audited
@Table(name = "review_round")
public class Round extends PanacheEntityBase {
    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "year")
    public int year;

    @Column(name = "half")
    public int half;

    @Column(name = "opens_on")
    public LocalDate opensOn;

    @Column(name = "closes_on")
    public LocalDate closesOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public RoundStatus status;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
