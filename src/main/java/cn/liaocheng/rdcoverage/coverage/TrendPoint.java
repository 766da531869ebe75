package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One snapshot's figures for the city or a region, as a point of the trend chart. */
public record TrendPoint(String snapshotId, LocalDate asOf, @Schema(nullable = true) Integer statisticalYear, long aboveSizeEnterprises,
                         long coveredEnterprises, @Schema(nullable = true) BigDecimal coverageRate, @Schema(nullable = true) BigDecimal targetRate, @Schema(nullable = true) Long shortfall,
                         long provincialActive, long provincialNew) {
}
