package cn.liaocheng.rdcoverage.coverage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A page of the work list with, per region in scope, the whole list's counts (whatever the filters): uncovered
 * enterprises, those never visited (no follow-up) and those overdue. {@code next} is the keyset cursor that continues
 * right after this page's last row (null when this page is not full, i.e. the last one).
 */
public record UncoveredPage(List<UncoveredEnterprise> items, int page, int size, long total, List<RegionCounts> regions,
                            @Schema(nullable = true, description = "the cursor of the next page: ask again with after={next} "
                                    + "(and the same filters and sort); null on the last page") String next) {

    @Schema(name = "WorkListRegionCounts")
    public record RegionCounts(String regionCode, String regionName, long uncovered, long neverVisited, long overdue) {
    }
}
