package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of a county's work list: an above-size enterprise not covered on the report date, its size class and
 * figures in the statistical year, and any institution it has declared that is not yet recognised (in progress).
 * From its latest follow-up: the visit date, the planned build mode and the date the institution is expected by;
 * {@code overdue} when that date is before the report date (the enterprise being still uncovered).
 */
public record UncoveredEnterprise(String creditCode, String name, String regionCode, String regionName,
                                  @Schema(nullable = true) String sizeClass, int employees, @Schema(nullable = true) BigDecimal revenue,
                                  List<CoverageQueries.InProgress> institutionsInProgress,
                                  @Schema(nullable = true) LocalDate lastFollowUpOn, @Schema(nullable = true) String plannedBuildMode,
                                  @Schema(nullable = true) LocalDate expectedBy, boolean overdue) {
}
