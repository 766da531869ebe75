package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.common.db.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

import java.time.LocalDate;

/** One of the two yearly rounds (每年上半年和下半年各组织一次申报及审核), id like 2026H2. */
@Entity
@Audited
@Table(name = "review_round")
public class Round extends VersionedEntity {
    @Id
    public String id;

    public int year;

    public int half;

    public LocalDate opensOn;

    public LocalDate closesOn;

    @Enumerated(EnumType.STRING)
    public RoundStatus status;
}
