package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * 建设目标 of one year, city-wide ({@code regionCode} null) or for one region: the coverage rate to reach by the end of
 * the year and the number of new provincial-or-higher institutions. {@code scope} is the region code or {@value #CITY}.
 */
@Entity
@Audited
@Table(name = "coverage_target")
public class CoverageTarget extends PanacheEntityBase {
    public static final String CITY = "CITY";

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @Column(name = "year")
    public int year;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "scope")
    public String scope;

    @Column(name = "coverage_rate")
    public BigDecimal coverageRate;

    @Column(name = "provincial_increase")
    public int provincialIncrease;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    static String scopeOf(String regionCode) {
        return regionCode == null ? CITY : regionCode;
    }
}
