package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.db.UuidEntity;
import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;

import java.math.BigDecimal;

/**
 * 建设目标 of one year, city-wide ({@code regionCode} null) or for one region: the coverage rate to reach by the end of
 * the year and the number of new provincial-or-higher institutions. {@code scope} is the region code or {@value #CITY}.
 */
@Entity
@Audited
public class CoverageTarget extends UuidEntity {
    public static final String CITY = "CITY";

    public int year;

    public String regionCode;

    public String scope;

    public BigDecimal coverageRate;

    public int provincialIncrease;

    static String scopeOf(String regionCode) {
        return regionCode == null ? CITY : regionCode;
    }
}
