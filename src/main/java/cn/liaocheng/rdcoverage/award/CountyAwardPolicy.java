package cn.liaocheng.rdcoverage.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.Map;
import java.util.UUID;

/**
 * A county's own supplement (各县也应制定配套奖补政策, policy 六（二）): an amount per tier, in the model of the city's
 * awards ({@code Map<Tier, yuan>}, policy parameter {@code awards}), or a percentage of the city award.
 */
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

    /** FIXED: yuan per tier, every tier present; null in PERCENT mode. */
    @Convert(converter = TierAmountsConverter.class)
    @Column(name = "amounts", length = 200)
    public Map<Tier, BigDecimal> amounts;

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
