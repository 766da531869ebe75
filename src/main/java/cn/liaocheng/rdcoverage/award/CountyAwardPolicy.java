package cn.liaocheng.rdcoverage.award;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.liaocheng.rdcoverage.common.db.UuidEntity;
import cn.liaocheng.rdcoverage.eligibility.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.envers.Audited;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A county's own supplement (各县也应制定配套奖补政策, policy 六（二）): an amount per tier, in the model of the city's
 * awards ({@code Map<Tier, yuan>}, policy parameter {@code awards}), or a percentage of the city award.
 */
@Entity
@Audited
public class CountyAwardPolicy extends UuidEntity {
    @Schema(name = "CountyAwardMode")
    public enum Mode { FIXED, PERCENT }

    public String regionCode;

    public LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    public Mode mode;

    /** FIXED: yuan per tier, every tier present; null in PERCENT mode. */
    @Convert(converter = TierAmountsConverter.class)
    @Column(length = 200)
    public Map<Tier, BigDecimal> amounts;

    @Column(precision = 7, scale = 2)
    public BigDecimal percentOfCity;
}
