package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A page of the work list with, per region in scope, the whole list's counts (whatever the filters): uncovered
 * enterprises, those never visited (no follow-up) and those overdue.
 */
public record UncoveredPage(List<UncoveredEnterprise> items, int page, int size, long total, List<RegionCounts> regions) {

    @Schema(name = "WorkListRegionCounts")
    public record RegionCounts(String regionCode, String regionName, long uncovered, long neverVisited, long overdue) {
    }
}
