package cn.liaocheng.rdcoverage.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A county's own supplement (各县也应制定配套奖补政策): fixed amounts per size tier or a percentage of the city award. */
@Entity
@Audited
@Table(name = "county_award_policy")
public class CountyAwardPolicy extends PanacheEntityBase {
    @Schema(name = "CountyAwardMode")
    public enum Mode { FIXED, PERCENT }

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "id", length = 36)
    public UUID id;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode")
    public Mode mode;

    @Column(name = "amount_large")
    public BigDecimal amountLarge;
    @Column(name = "amount_medium")
    public BigDecimal amountMedium;
    @Column(name = "amount_small")
    public BigDecimal amountSmall;
    @Column(name = "percent_of_city", precision = 7, scale = 2)
    public BigDecimal percentOfCity;

    @Version
    @Column(name = "version")
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
