package cn.liaocheng.rdcoverage.coverage;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a county's work list: an above-size enterprise not covered on the report date, its size class and
 * figures in the statistical year, and any institution it has declared that is not yet recognised (in progress).
 */
public record UncoveredEnterprise(String creditCode, String name, String regionCode, String regionName,
                                  String sizeClass, int employees, BigDecimal revenue,
                                  List<CoverageQueries.InProgress> institutionsInProgress) {
}
