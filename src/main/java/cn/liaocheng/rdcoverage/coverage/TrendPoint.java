package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One snapshot's figures for the city or a region, as a point of the trend chart: one per date and {@code kind}
 * (SCHEDULED for the monthly 通报, ON_DEMAND otherwise), the latest taken of that date and kind.
 */
public record TrendPoint(String snapshotId, LocalDate asOf, SnapshotKind kind, java.time.Instant takenAt,
                         @Schema(nullable = true) Integer statisticalYear, long aboveSizeEnterprises,
                         long coveredEnterprises, @Schema(nullable = true) BigDecimal coverageRate, @Schema(nullable = true) BigDecimal targetRate, @Schema(nullable = true) Long shortfall,
                         long provincialActive, long provincialNew) {
}
