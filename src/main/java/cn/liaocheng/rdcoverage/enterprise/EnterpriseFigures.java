package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One statistical year of an enterprise: 从业人员, 营业收入 and 是否规上, with the size class they give. */
@Entity
@Audited
@Table(name = "enterprise_figures")
@IdClass(EnterpriseFigures.Key.class)
public class EnterpriseFigures extends PanacheEntityBase {
    @Id
    @Column(name = "credit_code")
    public String creditCode;

    @Id
    @Column(name = "year")
    public int year;

    /** The region the enterprise belonged to in this statistical year (所属县市区 of that year's list). */
    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "employees")
    public int employees;

    @Column(name = "revenue")
    public BigDecimal revenue;

    /** Effective value: as declared, or derived from revenue when the statistics left it out. */
    @Column(name = "above_designated_size")
    public boolean aboveDesignatedSize;

    @Column(name = "above_size_declared")
    public boolean aboveSizeDeclared;

    @Enumerated(EnumType.STRING)
    @Column(name = "size_class")
    public SizeClass sizeClass;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String creditCode;
        public int year;

        public Key() {
        }

        public Key(String creditCode, int year) {
            this.creditCode = creditCode;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.year == year && Objects.equals(k.creditCode, creditCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(creditCode, year);
        }
    }
}
