package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** One statistical year of an enterprise: 从业人员, 营业收入 and 是否规上, with the size class they give. */
@Entity
@Audited
@IdClass(EnterpriseFigures.Key.class)
public class EnterpriseFigures extends PanacheEntityBase {
    @Id
    public String creditCode;

    @Id
    public int year;

    /** The region the enterprise belonged to in this statistical year (所属县市区 of that year's list). */
    public String regionCode;

    public int employees;

    public BigDecimal revenue;

    /** Effective value: as declared, or derived from revenue when the statistics left it out. */
    public boolean aboveDesignatedSize;

    public boolean aboveSizeDeclared;

    @Enumerated(EnumType.STRING)
    public SizeClass sizeClass;

    @Version
    public long version;

    public Instant updatedAt;

    /** The {@code @IdClass}: an enterprise's statistical year. */
    public record Key(String creditCode, int year) implements Serializable {
    }
}
