package cn.liaocheng.rdcoverage.coverage;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One snapshot's figures for the city or a region, as a point of the trend chart. */
public record TrendPoint(String snapshotId, LocalDate asOf, Integer statisticalYear, long aboveSizeEnterprises,
                         long coveredEnterprises, BigDecimal coverageRate, BigDecimal targetRate, Long shortfall,
                         long provincialActive, long provincialNew) {
}
